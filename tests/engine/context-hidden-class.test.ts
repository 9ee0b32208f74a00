// The contexts a run hands its components (mm/zone-mm.ts ZoneMmContext, sched/isolated-cpu-context.ts) keep
// one V8 hidden class from run to run. Built as object literals and spreads, they changed class some runs into
// a worker's life, and the engine's optimised functions that had checked the old class deoptimised and compiled
// again in that job (BENCHMARKS.md, "Hidden classes that changed between jobs"). Checked with V8's
// %HaveSameMap in a child process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const child = join(import.meta.dirname, 'support', 'context-classes-child.ts')
/** the literals changed class at the 10th run; well past that */
const RUNS = 16

describe('the run contexts', () => {
  it('have the same hidden class in every run a worker builds', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', child, String(RUNS)], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(r.stderr)
    const runs = JSON.parse(r.stdout) as { zone: boolean; isolatedCpu: boolean }[]
    expect(runs).toHaveLength(RUNS)
    // the runs whose contexts have another class than the first run's: none
    expect(runs.flatMap((s, i) => (s.zone && s.isolatedCpu ? [] : [i]))).toEqual([])
  })
})
