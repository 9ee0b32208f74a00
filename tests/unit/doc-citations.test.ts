// Every document a comment cites is in this repository, and every section of docs/model.md or docs/ux.md it
// cites by number exists: a citation that points outside the tree, or at a section since renumbered, sends a
// reader nowhere.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const SOURCE_DIRS = ['src-main', 'src-shared', 'src-renderer/src', 'scripts', 'tests', 'eslint-rules', 'bin', '.ci']
const SOURCE_FILE = /\.(ts|mts|mjs|js|vue)$|^run$/

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => SOURCE_FILE.test(basename(f))).map((f) => join(dir, f))
}

/** A cited document's file: a path from the root as written, else a top-level document or one in docs/. */
function documentPath(name: string): string | null {
  for (const candidate of name.includes('/') ? [name] : [name, join('docs', name)]) {
    if (existsSync(join(ROOT, candidate))) return candidate
  }
  return null
}

/**
 * The section numbers a document defines: its numbered headings (`## 2.`, `### 2.3`), the numbered points of
 * model.md's validation suite (`8.11 …` inside §8) and ux.md's numbered workflow steps (`1. **Design**`).
 */
function sectionNumbers(path: string): Set<string> {
  const numbers = new Set<string>()
  for (const line of readFileSync(join(ROOT, path), 'utf8').split('\n')) {
    const heading = /^#{2,4} (\d+(?:\.\d+)*)\.?\s/.exec(line)
    if (heading !== null) numbers.add(heading[1])
    const step = /^(\d+)\. \*\*/.exec(line)
    if (step !== null) numbers.add(step[1])
    for (const point of line.matchAll(/(?:^|[;:] )(8\.\d+) /g)) numbers.add(point[1])
  }
  return numbers
}

const files = [...SOURCE_DIRS.flatMap(sourceFiles), 'eslint.config.mjs'].filter((f) => f !== relative(ROOT, import.meta.filename))
const citations = files.flatMap((file) => {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/([\w./-]*\b[\w-]+\.md)\b(?:[,)"'\s]*§(\d+(?:\.\d+)?))?/g)].map((m) => ({ file, doc: m[1], section: m[2] }))
})

describe('documents cited in the code', () => {
  it('finds citations to check', () => {
    expect(citations.length).toBeGreaterThan(100)
  })

  it('cites only documents in this repository', () => {
    const missing = citations.filter((c) => documentPath(c.doc) === null).map((c) => `${c.file}: ${c.doc}`)
    expect(missing).toEqual([])
  })

  it('cites sections of model.md and ux.md that exist', () => {
    const numbered = citations.filter((c) => c.section !== undefined && /(^|\/)(model|ux)\.md$/.test(c.doc))
    expect(numbered.length).toBeGreaterThan(50)
    const wrong = numbered.filter((c) => !sectionNumbers(documentPath(c.doc) ?? c.doc).has(c.section as string)).map((c) => `${c.file}: ${c.doc} §${c.section}`)
    expect(wrong).toEqual([])
  })
})
