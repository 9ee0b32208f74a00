// What a live run asked of the host and did not get: a worker not pinned to its host CPU (taskset refused, not
// Linux, no thread id) or a realtime loop not made SCHED_FIFO (chrt refused, EPERM without CAP_SYS_NICE). Such a
// run still ran — on whatever CPUs and policy the host gave it — so its numbers must be read with these in view.
import type { LiveCpu, LiveRunFacts } from './types'

function worker(c: LiveCpu): string {
  return c.role === 'drainer' ? `the ${c.source ?? 'drain'} requester on CPU ${c.cpu}` : `CPU ${c.cpu} (${c.role})`
}

/** One sentence per refusal, in worker order. */
export function liveRefusals(live: Pick<LiveRunFacts, 'cpus'>): string[] {
  return live.cpus.flatMap((c) => [
    ...(c.pinned ? [] : [`${worker(c)} not pinned to host CPU ${c.hostCpu}: ${c.pinError ?? 'no reason recorded'}`]),
    ...(c.fifoError === undefined ? [] : [`${worker(c)} not SCHED_FIFO ${c.fifoRequested ?? ''}: ${c.fifoError} (ran ${c.policy ?? 'under an unknown policy'})`])
  ])
}
