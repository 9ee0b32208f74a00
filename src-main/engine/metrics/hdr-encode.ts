// The compressed base64 export of an HDR histogram (the V2 format of HdrHistogram), written straight from a
// counts array laid out like hdr-histogram-js's (lowest discernible value 1, 3 significant digits) — the
// bytes encodeIntoCompressedBase64() of hdr-histogram-js writes for the same counts. Building that
// library's histogram from the counts only to encode it cost every run ~0.1 s (loading the package in each
// worker, then replaying every bucket), where the encoding itself is a loop and one zlib call.
import { deflateSync } from 'node:zlib'

/** V2 encoding cookies, with the word size bit of TLZE encoding (as hdr-histogram-js writes them) */
const ENCODING_COOKIE = 0x1c849303 | 0x10
const COMPRESSED_ENCODING_COOKIE = 0x1c849304 | 0x10
const HEADER_BYTES = 40
/** a ZigZag LEB128 word: at most 9 bytes */
const MAX_WORD_BYTES = 9
const TWO_POW_32 = 4294967296

/** Reused between calls (summaries are synchronous): grows to the largest histogram seen. */
let scratch = new Uint8Array(HEADER_BYTES + MAX_WORD_BYTES * 2048)

function putInt32(view: DataView, at: number, value: number): void {
  view.setUint32(at, value >>> 0)
}

/** ZigZag then LEB128, as ZigZagEncoding.encode of hdr-histogram-js (values here stay far below 2^53). */
function putZigZag(bytes: Uint8Array, at: number, n: number): number {
  let v = n >= 0 ? n * 2 : -n * 2 - 1
  while (v >= 128) {
    bytes[at++] = (v % 128) | 0x80
    v = Math.floor(v / 128)
  }
  bytes[at++] = v
  return at
}

/**
 * encodeIntoCompressedBase64() of an hdr-histogram-js 32-bit histogram (Int32Histogram: counts held as
 * unsigned 32-bit integers) with these counts, built with highestTrackableValue `highestTrackable` and no
 * resize since; `limit` is one past the index of the highest value recorded (1 when none was).
 */
export function encodeHdrCompressedBase64(counts: Float64Array, limit: number, highestTrackable: number): string {
  const size = HEADER_BYTES + MAX_WORD_BYTES * limit
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, 2 * scratch.length))
  const bytes = scratch
  const view = new DataView(bytes.buffer)
  let at = HEADER_BYTES
  let i = 0
  while (i < limit) {
    const count = counts[i++] >>> 0
    if (count === 0) {
      // a run of zeros is one negative word; a single zero is the count 0
      let zeros = 1
      while (i < limit && counts[i] >>> 0 === 0) {
        zeros++
        i++
      }
      at = putZigZag(bytes, at, zeros > 1 ? -zeros : 0)
    } else {
      at = putZigZag(bytes, at, count)
    }
  }
  putInt32(view, 0, ENCODING_COOKIE)
  putInt32(view, 4, at - HEADER_BYTES)
  // normalizingIndexOffset, significant digits, lowest discernible value, highest trackable value, conversion ratio
  putInt32(view, 8, 1)
  putInt32(view, 12, 3)
  putInt32(view, 16, 0)
  putInt32(view, 20, 1)
  putInt32(view, 24, Math.floor(highestTrackable / TWO_POW_32))
  putInt32(view, 28, highestTrackable)
  putInt32(view, 32, 0)
  putInt32(view, 36, 1)
  const compressed = deflateSync(bytes.subarray(0, at))
  // hdr-histogram-js's output buffer starts at 16 bytes: a shorter result keeps the zeros after it
  const out = Buffer.alloc(Math.max(16, 8 + compressed.byteLength))
  out.writeUInt32BE(COMPRESSED_ENCODING_COOKIE >>> 0, 0)
  out.writeUInt32BE(compressed.byteLength, 4)
  compressed.copy(out, 8)
  return out.toString('base64')
}
