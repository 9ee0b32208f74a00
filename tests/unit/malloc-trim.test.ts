// raiseMallocTrimThreshold (src-main/lab/pool/malloc-trim.ts): with glibc, memory freed at the top of a heap stays
// with the process instead of being touched afresh at the next allocation. Counted in page faults, not timed, in
// fresh plain-Node processes: a loader such as tsx frees large blocks of its own and so would raise the
// thresholds before the code under test did. The module runs as TypeScript compiles it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime !== undefined

/** 150 deflateSync() calls of an HDR histogram's size, after raiseMallocTrimThreshold() or not */
const CHILD = `import { deflateSync } from 'node:zlib'
import { raiseMallocTrimThreshold } from './malloc-trim.mjs'
if (process.argv[2] === 'raised') raiseMallocTrimThreshold()
const input = Buffer.alloc(600, 3)
deflateSync(input)
const before = process.resourceUsage().minorPageFault
for (let i = 0; i < 150; i++) deflateSync(input)
process.stdout.write(String(process.resourceUsage().minorPageFault - before))
`

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'drainlab-malloc-'))
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'src-main', 'lab', 'pool', 'malloc-trim.ts'), 'utf8')
  writeFileSync(join(dir, 'malloc-trim.mjs'), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText)
  writeFileSync(join(dir, 'child.mjs'), CHILD)
})

function faults(mode: 'raised' | 'plain'): number {
  const r = spawnSync(process.execPath, [join(dir, 'child.mjs'), mode], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return Number(r.stdout)
}

describe.skipIf(!glibc)('raiseMallocTrimThreshold, with glibc', () => {
  it('stops a deflateSync() from giving its zlib state back and faulting it in again at the next call', () => {
    const plain = faults('plain')
    const raised = faults('raised')
    // without it every call touches its zlib state afresh (~25 faults each here); with it the state's pages stay
    expect(plain).toBeGreaterThan(150 * 10)
    expect(raised).toBeLessThan(plain / 3)
  })
})
