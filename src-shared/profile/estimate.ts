// A conservative estimate of a run's event count, so that a run too big to finish is refused up front.
import type { Profile } from './schema'

export const MAX_EVENTS_PER_JOB = 200_000_000

/** zone_batchsize() is derived in the engine; 63 (every zone above 1 GiB) is close enough for an estimate. */
const ESTIMATE_BATCH = 63

export function estimateJobEvents(p: Profile): number {
  const seconds = p.run.durationMs / 1000
  const batch = p.kernel.pcp.batch === 'auto' ? ESTIMATE_BATCH : p.kernel.pcp.batch
  let perSecond = 0
  for (const task of p.rtTasks) {
    const jobsPerSecond = 1e6 / task.periodUs
    // release, start, finish, plus an alloc and a free per allocation
    perSecond += jobsPerSecond * (3 + 2 * task.allocsPerJob)
  }
  const isolated = p.rtTasks.length
  const housekeeping = Math.max(1, p.machine.cpus - isolated)
  const pagesPerSecond = (p.housekeeping.allocRatePagesPerSec + p.housekeeping.freeRatePagesPerSec) * housekeeping
  perSecond += (2 * pagesPerSecond) / batch
  for (const source of p.drainSources) {
    const rate = source.kind === 'once' ? 1 / Math.max(seconds, 1e-9) : (source.ratePerSec ?? 0)
    perSecond += rate * (4 + 3 * p.machine.cpus)
  }
  // throttle / fair-server windows, one pair per isolated CPU per period
  perSecond += 4 * isolated
  // sched_rt_period_timer fires every period whatever the load, and may throttle each isolated CPU; each
  // has a remote tick a second ("release" is rt-throttling for every release before 6.12)
  const a = p.kernel.antiStarvation
  if ((a.policy === 'rt-throttling' || a.policy === 'release') && isolated > 0) perSecond += (1e6 / a.periodUs) * (1 + isolated) + isolated
  return Math.ceil(perSecond * seconds)
}
