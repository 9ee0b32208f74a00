// Time sums gather number feedback from the start (sim/double-zero.ts): the code V8 optimises in the first 2.1 s
// of simulated time, while every time is a small integer, does not deoptimise when times pass 2^31 ns. The sums
// of a CPU's lock hold (catchUp, and the remote drain's advance that inlines it), of a kswapd balance (before, and
// the drain source's scheduleNext that inlines it) and of the run loop's progress step and report deoptimised there
// once per pool worker, and V8 compiled them again (BENCHMARKS.md, "2026-12-01, fourth"). Checked with V8's
// --trace-deopt in a child process.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const child = join(import.meta.dirname, 'support', 'time-sums-child.ts')
/** what a small-integer sum that outgrew 2^31 deoptimises with */
const OUTGROWN = /^\[bailout \(kind: [^,]+, reason: (overflow|not a Smi|lost precision or NaN)\).*<JSFunction (\S+) <[^>]*src-main\/engine\//
const TIME_SUMS = new Set(['catchUp', 'catchUpAll', 'advance', 'before', 'scheduleNext', 'run'])

describe('time sums', () => {
  it('do not deoptimise the engine when simulated time passes 2^31 ns', () => {
    const r = spawnSync(process.execPath, ['--trace-deopt', '--trace-file-names', '--import', 'tsx', child], { encoding: 'utf8', timeout: 110_000, maxBuffer: 1 << 26 })
    if (r.status !== 0) throw new Error(r.stderr)
    const outgrown = r.stdout.split('\n').flatMap((line) => {
      const m = OUTGROWN.exec(line)
      return m !== null && TIME_SUMS.has(m[2]) ? [`${m[2]}: ${m[1]}`] : []
    })
    expect(outgrown).toEqual([])
  }, 120_000)
})
