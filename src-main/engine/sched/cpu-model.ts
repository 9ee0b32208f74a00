// What a drain sees of a target CPU, whatever runs on it: an isolated CPU (its realtime task, kworker
// and anti-starvation policy) or a housekeeping CPU (its load and kworker). The drain mechanisms call
// these and never ask which kind of CPU it is.
import type { PerCpuFlushState } from '../flush/per-cpu-flush-state'
import type { WorkItem } from './work-item'

export interface CpuModel {
  readonly cpu: number
  /** an isolcpus= / nohz_full= CPU: cpu_is_isolated() is true for it (6.4+) */
  readonly isolated: boolean
  /** queue_work_on(cpu, …): the CPU's kworker will run the item (drain_local_pages_wq, a flush's work function) and report it finished. */
  queueWork(item: WorkItem, now: number): void
  /** The per-CPU state a flush looks at, with the CPU's own work up to `now` applied. */
  flushStateAt(now: number): PerCpuFlushState
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
