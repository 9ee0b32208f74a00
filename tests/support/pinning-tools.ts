// Whether this machine can pin threads and set SCHED_FIFO the way the live engine does (taskset, chrt, two
// CPUs on Linux): the pinning tests run only where it can, and say why they were skipped.
import { execFileSync } from 'node:child_process'
import { availableParallelism, platform } from 'node:os'

function hasTools(): boolean {
  try {
    execFileSync('taskset', ['-V'])
    execFileSync('chrt', ['-V'])
    return true
  } catch {
    return false
  }
}

export const canPin = platform() === 'linux' && hasTools() && availableParallelism() >= 2
export const whyNoPinning = canPin ? '' : ' (skipped: needs Linux, taskset, chrt and 2 CPUs)'
