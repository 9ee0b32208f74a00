// A run leaves the engine's hidden classes as it found them. Fields first given the small integer 0 that came to
// hold nanoseconds past 2^30 (~1.07 s simulated) moved their classes to new hidden classes mid-run: the
// optimised functions that relied on the old ones deoptimised, and in a pool worker's next job those objects'
// holders deoptimised again — compiling the engine half over again per worker (sim/double-zero.ts,
// BENCHMARKS.md "Fields that outgrew small integers"). Checked with V8's %HaveSameMap in a child process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const child = join(import.meta.dirname, 'support', 'run-classes-child.ts')

describe('a run of every preset and variant', () => {
  it('changes the hidden class of none of the objects a simulation holds', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', child], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(r.stderr)
    expect(JSON.parse(r.stdout)).toEqual({})
  }, 120_000)
})
