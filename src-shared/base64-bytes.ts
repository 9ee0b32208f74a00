// Base64 text (RFC 4648, with padding) as bytes, for the typed-array columns inside JSON documents (the
// engine writes them with Node's Buffer, src-main/engine/metrics/timeline-encode.ts): large numeric columns
// cost a fraction of their JSON-array form to write, parse and validate. No Node Buffer here: src-shared
// runs in the renderer too.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const PAD = 61 // '='
const DECODE = (() => {
  const table = new Int16Array(256).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/** The bytes of `text`; throws on a character outside the alphabet or a length that is not a multiple of 4. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const src = new TextEncoder().encode(text)
  if (src.length % 4 !== 0) throw new Error('base64 text must have a length that is a multiple of 4')
  const pad = src.length === 0 ? 0 : (src[src.length - 1] === PAD ? 1 : 0) + (src[src.length - 2] === PAD ? 1 : 0)
  const out = new Uint8Array((src.length / 4) * 3 - pad)
  let o = 0
  for (let i = 0; i < src.length; i += 4) {
    const a = DECODE[src[i]]
    const b = DECODE[src[i + 1]]
    const c = src[i + 2] === PAD ? 0 : DECODE[src[i + 2]]
    const d = src[i + 3] === PAD ? 0 : DECODE[src[i + 3]]
    if ((a | b | c | d) < 0 || ((src[i + 2] === PAD || src[i + 3] === PAD) && i + 4 < src.length)) throw new Error(`not base64 at character ${i}`)
    const v = (a << 18) | (b << 12) | (c << 6) | d
    if (o < out.length) out[o++] = v >>> 16
    if (o < out.length) out[o++] = (v >>> 8) & 255
    if (o < out.length) out[o++] = v & 255
  }
  return out
}

/** How many bytes base64 `text` holds, without decoding it (-1 when its length is not a multiple of 4). */
export function base64ByteLength(text: string): number {
  if (text.length % 4 !== 0) return -1
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return (text.length / 4) * 3 - pad
}
