// A housekeeping CPU as a drain target: its kworker runs the drain work item, its load's list frees
// meet the remote drainer. Its timeline holds what the model materialises: the remote drainer's holds
// of its pcp->lock and the buddy fallbacks they cause (the kworker records its own segments); its
// load's alloc/free bursts are computed in closed form and are not drawn.
import type { PerCpuFlushState } from '../flush/per-cpu-flush-state'
import type { RunTimelineRecorder } from '../metrics/run-timeline'
import { SEG_FALLBACK, SEG_REMOTE_DRAIN } from '../metrics/timeline-kind-index'
import type { HousekeepingLoad } from '../workload/housekeeping-load'
import type { CpuModel } from './cpu-model'
import type { HousekeepingKworkers } from './housekeeping-kworker'
import type { WorkItem } from './work-item'

export class HousekeepingCpu implements CpuModel {
  readonly isolated = false
  constructor(
    readonly cpu: number,
    private readonly kworkers: HousekeepingKworkers,
    private readonly load: HousekeepingLoad,
    private readonly timeline: RunTimelineRecorder
  ) {}

  queueWork(item: WorkItem, now: number): void {
    this.kworkers.queueWork(item, this.cpu, now)
  }

  flushStateAt(): PerCpuFlushState {
    return this.kworkers.flushState
  }

  remoteDrainHolds(now: number, end: number, drain: number): void {
    this.timeline.segment(this.cpu, SEG_REMOTE_DRAIN, now, end, drain)
  }

  spinMidListFree(): void {
    // a housekeeping list free is one burst computed when it starts: the delayed batches are in pcp.listFree
  }

  fallbackMidListFree(zoneWaitNs: number, holdNs: number, _batchesNs: number, now: number): void {
    this.load.listFreeFallback(this.cpu, zoneWaitNs, now)
    this.timeline.segment(this.cpu, SEG_FALLBACK, now, now + zoneWaitNs + holdNs, 0)
  }
}
