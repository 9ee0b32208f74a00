// What a drain sees of a target CPU, whatever runs on it: an isolated CPU (its realtime task, kworker
// and anti-starvation policy) or a housekeeping CPU (its load and kworker). The drain mechanisms call
// these and never ask which kind of CPU it is.
import type { DrainRun } from '../drain/drain-run'

export interface CpuModel {
  readonly cpu: number
  /** queue_work_on(cpu, mm_percpu_wq, drain_local_pages_wq): the CPU's kworker will drain its lists and report to run.waiter. */
  queueWork(run: DrainRun, now: number): void
  /** A remote drainer, for drain_all_pages() call `drain` (DrainRun.id), holds this CPU's pcp->lock (drain_pages_zone) from `now` to `end`. */
  remoteDrainHolds(now: number, end: number, drain: number): void
  /** 6.0–6.1: a remote drainer took pcp->lock at `from`, between two batches of the owner's list free, which spins `ns` on it. */
  spinMidListFree(from: number, ns: number, now: number): void
  /**
   * 6.2+: a remote drainer took pcp->lock at an unlock of the owner's list free, whose trylock failed: the rest
   * of the list went to the buddy allocator, waiting `zoneWaitNs` for zone->lock and holding it `holdNs` from
   * `now`, instead of the `batchesNs` its remaining batches would have taken.
   */
  fallbackMidListFree(zoneWaitNs: number, holdNs: number, batchesNs: number, now: number): void
}
