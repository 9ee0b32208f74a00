// The base64 decoder of the timeline's typed-array columns reads what Node's Buffer wrote and refuses damaged text.
import { describe, expect, it } from 'vitest'
import { base64ByteLength, base64ToBytes } from '../../src-shared/base64-bytes'

describe('base64 bytes', () => {
  it('decodes what Buffer encodes, for every length of padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255)
      const text = Buffer.from(bytes).toString('base64')
      expect(base64ByteLength(text)).toBe(n)
      expect(base64ToBytes(text)).toEqual(bytes)
    }
  })

  it('refuses a character outside the alphabet, padding before the end, and a truncated text', () => {
    expect(() => base64ToBytes('AB*D')).toThrow(/not base64/)
    expect(() => base64ToBytes('AB==AAAA')).toThrow(/not base64/)
    expect(() => base64ToBytes('ABC')).toThrow(/multiple of 4/)
    expect(base64ByteLength('ABC')).toBe(-1)
  })
})
