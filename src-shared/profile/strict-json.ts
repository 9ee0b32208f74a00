// JSON text -> value, stricter than JSON.parse: a key given twice in one object is an error (JSON.parse keeps
// the last silently, so a typo or a pasted-in leftover would win unseen), and a leading byte-order mark is
// accepted (RFC 8259 §8.1 lets a parser ignore it; Windows editors and PowerShell's UTF-8 write one). No Node
// built-ins: the renderer reads picked files with it too.
import type { ProfileIssue } from './issues'

const BOM = '\uFEFF'

export type StrictJson = { ok: true; value: unknown } | { ok: false; issue: ProfileIssue }

export function parseStrictJson(text: string): StrictJson {
  const json = text.startsWith(BOM) ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (e) {
    return { ok: false, issue: { path: '', message: describeSyntaxError(json, e) } }
  }
  const duplicate = findDuplicateKey(json)
  if (duplicate !== null) {
    const { line, column } = positionOf(json, duplicate.offset)
    return {
      ok: false,
      issue: { path: duplicate.path, message: `the key "${duplicate.key}" appears twice in this object (line ${line}, column ${column}); JSON keeps only the last, so one of them is a mistake` }
    }
  }
  return { ok: true, value }
}

/** Where in the text a JSON syntax error is, as "line L, column C" when the engine's message gives a position. */
function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const at = /position (\d+)/.exec(message)
  if (!at) return `not valid JSON: ${message}`
  const { line, column } = positionOf(text, Number(at[1]))
  return `not valid JSON at line ${line}, column ${column}: ${message}`
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

type Frame = { object: true; keys: Set<string>; key: string } | { object: false; index: number }

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a

/**
 * The first key repeated within one object, with its dotted path and offset. `text` is JSON that JSON.parse
 * accepted, so a scan of its structure suffices: a string followed by ':' is a key of the innermost object.
 */
function findDuplicateKey(text: string): { path: string; key: string; offset: number } | null {
  const stack: Frame[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const start = i
      for (i++; text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++
      const top = stack[stack.length - 1]
      if (top === undefined || !top.object || text.charCodeAt(skipSpace(text, i + 1)) !== COLON) continue
      const key = JSON.parse(text.slice(start, i + 1)) as string
      if (top.keys.has(key)) {
        const outer = stack.slice(0, -1).map((f) => (f.object ? f.key : String(f.index)))
        return { path: [...outer, key].join('.'), key, offset: start }
      }
      top.keys.add(key)
      top.key = key
    } else if (c === 0x7b) stack.push({ object: true, keys: new Set(), key: '' })
    else if (c === 0x5b) stack.push({ object: false, index: 0 })
    else if (c === 0x7d || c === 0x5d) stack.pop()
    else if (c === 0x2c) {
      const top = stack[stack.length - 1]
      if (top !== undefined && !top.object) top.index++
    }
  }
  return null
}

/** The index of the first non-whitespace character at or after `i` (JSON whitespace: space, tab, CR, LF). */
function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  return i
}
