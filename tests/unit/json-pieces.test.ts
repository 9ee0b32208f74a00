// jsonPieces (src-main/store/json-pieces.ts) writes results.json: its pieces must join to JSON.stringify's text
// exactly, whatever the strings hold.
import { describe, expect, it } from 'vitest'
import { jsonPieces } from '../../src-main/store/json-pieces'

const long = (unit: string) => unit.repeat(Math.ceil(5000 / unit.length))

describe('jsonPieces', () => {
  const documents: Array<[string, unknown]> = [
    ['short strings only', { a: 'x', b: [1, 2.5, null, true], c: { d: 'µs — ok' } }],
    ['long base64 strings', { timeline: { columns: { cpu: long('AAEC'), startNs: long('+/9z') }, count: 3 }, hdr: long('HIST') }],
    ['long strings JSON escapes', { quote: long('say "hi" '), slash: long('a\\b'), newline: long('line\n'), control: long('\u0001x') }],
    ['long strings of other scripts', { pair: long('😀'), lone: long('a\ud800'), wide: long('—µ'), separator: long('\u2028x') }],
    ['a long string as a key, in arrays, at the top', [long('K'), { [long('k')]: long('v') }, [[long('deep')]]]],
    ['the token shape in the document itself', { note: long('@drainlab-long-string-0123456789abcdef@') }]
  ]
  for (const [what, doc] of documents) {
    it(`joins to JSON.stringify's text: ${what}`, () => {
      expect(jsonPieces(doc, 2).join('')).toBe(JSON.stringify(doc, null, 2))
    })
  }

  it('keeps each long string that needs no escape as a piece of its own, not copied into the text around it', () => {
    const column = long('AAEC')
    const pieces = jsonPieces({ columns: { cpu: column }, name: 'job' }, 2)
    expect(pieces.filter((p) => p === column)).toHaveLength(1)
    expect(pieces.every((p) => p === column || p.length < 100)).toBe(true)
  })
})
