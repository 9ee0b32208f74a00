// Two ways the engine's optimised code was thrown away in every pool worker's first job, and compiled again
// (BENCHMARKS.md, "2026-12-01, fourth"), checked with V8's --trace-deopt in a child process:
// - time sums whose operands were all small integers (a CPU's lock hold in catchUp and the remote drain's advance
//   that inlines it, a kswapd balance in before and the drain source's scheduleNext that inlines it, the run
//   loop's progress step and report) deoptimised when simulated time passed 2^31 ns (sim/double-zero.ts);
// - mm/'s page operations, handed an isolated CPU's context by its realtime task and ZONE_NORMAL's by the
//   housekeeping CPUs, met a second class of context at the task's first page operation
//   (sched/isolated-cpu-context.ts `normal`).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const child = join(import.meta.dirname, 'support', 'deopt-child.ts')
const BAILOUT = /^\[bailout \(kind: [^,]+, reason: ([^)]+)\).*<JSFunction (\S+) <[^>]*src-main\/engine\//

/** the engine's deoptimisations in the child's jobs, as "function: reason" */
function engineDeopts(): string[] {
  const r = spawnSync(process.execPath, ['--trace-deopt', '--trace-file-names', '--import', 'tsx', child], { encoding: 'utf8', timeout: 110_000, maxBuffer: 1 << 26 })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout.split('\n').flatMap((line) => {
    const m = BAILOUT.exec(line)
    return m === null ? [] : [`${m[2]}: ${m[1]}`]
  })
}

const TIME_SUMS = ['catchUp', 'catchUpAll', 'advance', 'before', 'scheduleNext', 'run']
const OUTGROWN = ['overflow', 'not a Smi', 'lost precision or NaN']
const PAGE_OPERATIONS = ['rmqueuePcplist', 'freeUnrefPages', 'freeListBatches', 'freeUnrefPageCommit']

describe('the engine\'s optimised code', () => {
  let deopts: string[]
  beforeAll(() => {
    deopts = engineDeopts()
  }, 120_000)

  it('keeps its time sums when simulated time passes 2^31 ns', () => {
    expect(deopts.filter((d) => TIME_SUMS.some((f) => d.startsWith(`${f}: `)) && OUTGROWN.some((r) => d.endsWith(`: ${r}`)))).toEqual([])
  })

  it('keeps mm/\'s page operations when an isolated CPU\'s task first allocates', () => {
    expect(deopts.filter((d) => PAGE_OPERATIONS.some((f) => d === `${f}: wrong map`))).toEqual([])
  })
})
