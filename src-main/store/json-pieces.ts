// JSON.stringify's text of a value, in pieces: the text around its long strings, and each of those strings
// quoted but not copied. A results document is ~95 % base64 (a heavy run's timeline columns, ~9 MB):
// JSON.stringify copied every one of those strings into one text, scanning each for characters to escape,
// and writing that text copied it once more into a buffer — ~0.15 s of a one-job `drainlab run` on this
// 2-CPU machine (BENCHMARKS.md). Written one after the other, the pieces are the same bytes.
import { randomBytes } from 'node:crypto'

/** strings at least this long are pieces of their own */
const LONG_STRING = 4096
/** a character JSON.stringify would escape: the quote, the backslash, a control character, a lone surrogate half */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/** `JSON.stringify(value, null, indent)` as pieces whose concatenation is that text exactly. */
export function jsonPieces(value: unknown, indent: number): string[] {
  const long: string[] = []
  // a token no document holds (random), standing for a long string while the rest is stringified
  const token = `@drainlab-long-string-${randomBytes(8).toString('hex')}@`
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'string' || v.length < LONG_STRING || NEEDS_ESCAPE.test(v)) return v
    long.push(v)
    return token
  }, indent)
  const around = text.split(`"${token}"`)
  // the token in the document's own text after all: stringify it whole
  if (around.length !== long.length + 1) return [JSON.stringify(value, null, indent)]
  const pieces: string[] = [around[0]]
  for (let i = 0; i < long.length; i++) pieces.push('"', long[i], '"', around[i + 1])
  return pieces
}
