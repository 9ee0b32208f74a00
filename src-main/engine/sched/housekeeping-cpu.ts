// A housekeeping CPU as a drain target: its kworker runs the drain work item, its load's list frees
// meet the remote drainer. Nothing here is on a timeline: only isolated CPUs have one.
import type { DrainRun } from '../drain/drain-run'
import type { HousekeepingLoad } from '../workload/housekeeping-load'
import type { CpuModel } from './cpu-model'
import type { HousekeepingKworkers } from './housekeeping-kworker'

export class HousekeepingCpu implements CpuModel {
  constructor(readonly cpu: number, private readonly kworkers: HousekeepingKworkers, private readonly load: HousekeepingLoad) {}

  queueWork(run: DrainRun, now: number): void {
    this.kworkers.queueWork(run, this.cpu, now)
  }

  remoteDrainHolds(): void {
    // no timeline on a housekeeping CPU; the hold's cost is the requester's drain work
  }

  spinMidListFree(): void {
    // a housekeeping list free is one burst computed when it starts: the delayed batches are in pcp.listFree
  }

  fallbackMidListFree(zoneWaitNs: number, _holdNs: number, _batchesNs: number, now: number): void {
    this.load.listFreeFallback(this.cpu, zoneWaitNs, now)
  }
}
