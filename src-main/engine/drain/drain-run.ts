// One drain_all_pages() call: its request, the targets chosen from cpus_with_pcps, and its progress;
// under the workqueue variant also the drain_local_pages_wq work item each target's kworker runs.
import type { DrainSourceKind } from '../../../src-shared/profile/schema'
import { drainPagesZone } from '../mm/drain-pages-zone'
import { SRC_DRAIN_IRQOFF } from '../metrics/interference-source'
import { SEG_KWORKER_DRAIN } from '../metrics/timeline-kind-index'
import type { WorkHost, WorkItem } from '../sched/work-item'

/** The drain_all_pages() call a run belongs to, which the mechanism draining the targets reports to. */
export interface DrainWaiter {
  /** flush_work() of a queued drain_local_pages_wq returns: the CPU that ran the work item reports it done. */
  workItemDone(run: DrainRun, now: number): void
  /** Every target is drained: the run releases pcpu_drain_mutex. */
  complete(run: DrainRun, now: number): void
  /** drain_pages_zone() freed `pages` of `cpu`'s list for the run (the timeline's chain tells them) */
  freed(run: DrainRun, cpu: number, pages: number): void
}

export class DrainRun implements WorkItem {
  readonly segment = SEG_KWORKER_DRAIN
  readonly source = SRC_DRAIN_IRQOFF
  readonly touchesPcp = true
  readonly lock = 'pcp'
  /** time pcpu_drain_mutex was acquired (NaN while waiting for it, a double like the time it takes: sim/double-zero.ts) */
  startNs = NaN
  targets: Int32Array = new Int32Array(0)
  /** direct: index of the target being drained; workqueue: unused */
  next = 0
  /** direct: the zone of the current target being drained, an index into the node's zones (from firstZone) */
  zone = 0
  /** direct: the lock hold in flight emptied the target's lists in that zone */
  zoneFinished = false
  /** direct: the requester has spun on the target's pcp->lock since this time (-Infinity when not spinning, a double as startNs is) */
  spinFrom = -Infinity
  /** workqueue: work items not yet finished */
  outstanding = 0
  pagesFreed = 0

  constructor(
    readonly id: number,
    readonly sourceIndex: number,
    readonly kind: DrainSourceKind,
    /** drain_all_pages(zone) (waits for the mutex) versus drain_all_pages(NULL) (skips) */
    readonly zoneRequest: boolean,
    /** __drain_all_pages(zone, force_all_cpus = true): memory offline */
    readonly forced: boolean,
    readonly requesterCpu: number,
    readonly requestNs: number,
    /** requested after the warm-up: its statistics count */
    readonly counted: boolean,
    /** the drain_all_pages() call waiting for this run */
    readonly waiter: DrainWaiter
  ) {}

  /**
   * The first of `zones` zones (as for_each_populated_zone() walks them, ZONE_NORMAL last) this call empties:
   * drain_all_pages(NULL) every zone's lists, a zone request ZONE_NORMAL's, the model's zone for cma,
   * compaction and offline.
   */
  firstZone(zones: number): number {
    return this.zoneRequest ? zones - 1 : 0
  }

  /**
   * drain_local_pages_wq() -> drain_pages() (drain_all_pages(NULL): every populated zone in turn) or
   * drain_pages_zone() (a zone request, firstZone) of the whole list, IRQs off: returns its duration.
   */
  execute(host: WorkHost, cpu: number, now: number): number {
    const zones = host.zones
    let t = now
    for (let z = this.firstZone(zones.length); z < zones.length; z++) {
      const mm = zones[z]
      const pages = drainPagesZone(mm, cpu, Infinity, mm.costs.tPageLocalNs, t, host.zoneLock)
      this.pagesFreed += pages
      this.waiter.freed(this, cpu, pages)
      t += host.zoneLock.waitNs + host.zoneLock.holdNs
    }
    return t - now
  }

  finished(now: number): void {
    this.waiter.workItemDone(this, now)
  }
}
