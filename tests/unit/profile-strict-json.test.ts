// The strict JSON reader of profile files: duplicate keys named by their path, a leading BOM accepted.
import { describe, expect, it } from 'vitest'
import { parseStrictJson } from '../../src-shared/profile/strict-json'

function duplicatePath(text: string): string | null {
  const parsed = parseStrictJson(text)
  return parsed.ok ? null : parsed.issue.path
}

describe('strict JSON', () => {
  it('names a duplicate inside an array element by its index', () => {
    expect(duplicatePath('{"rtTasks":[{"name":"a","cpu":1},{"name":"b","cpu":2,"name":"c"}]}')).toBe('rtTasks.1.name')
    expect(duplicatePath('[[1,2],{"a":[{},{"x":1,"x":2}]}]')).toBe('1.a.1.x')
  })

  it('allows the same key in different objects, and key-like text inside strings', () => {
    const text = '{"a":{"k":1},"b":{"k":2},"s":"\\"k\\": 1, \\"k\\": 2","t":"x:y","u":[",","{"]}'
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) })
  })

  it('compares keys by their value, escapes decoded', () => {
    expect(duplicatePath('{"cpus":1,"c\\u0070us":2}')).toBe('cpus')
  })

  it('accepts one byte-order mark at the start; syntax errors keep their line and column', () => {
    expect(parseStrictJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    const broken = parseStrictJson('\uFEFF{\n  "a": 1,\n}')
    expect(!broken.ok && broken.issue.message).toMatch(/^not valid JSON at line 3, column 1/)
    expect(parseStrictJson('{"a":1}\uFEFF').ok).toBe(false)
  })
})
