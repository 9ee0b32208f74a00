// A run leaves the engine's hidden classes as it found them. Fields first given the small integer 0 that came to
// hold other numbers (a time read out of a Float64Array, a fraction, a sum past 2^31) moved their classes to new
// hidden classes mid-run: the optimised functions that relied on the old ones deoptimised, and in a pool worker's
// next job those objects' holders deoptimised again, and much of the engine compiled again per worker
// (sim/double-zero.ts; BENCHMARKS.md, "Deoptimisations within a run and between jobs"). Likewise the variants'
// traits objects: two shapes made a worker's first job of the other shape deoptimise what the first had
// compiled. Checked with V8's %HaveSameMap in a child process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const child = join(import.meta.dirname, 'support', 'run-classes-child.ts')

interface ChildReport {
  /** per class whose objects changed hidden class, where one was found */
  changed: Record<string, string>
  traitsShareClass: boolean
}

function childReport(): ChildReport {
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', child], { encoding: 'utf8', timeout: 110_000 })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as ChildReport
}

describe('the hidden classes of a simulation', () => {
  let report: ChildReport
  beforeAll(() => {
    report = childReport()
  }, 120_000)

  it('stay the same through a run of every profile of the identity check and every variant', () => {
    expect(report.changed).toEqual({})
  })

  // a worker's next job of another variant: the fields holding the traits had recorded the other shape
  it('include one for the traits of every variant', () => {
    expect(report.traitsShareClass).toBe(true)
  })
})
