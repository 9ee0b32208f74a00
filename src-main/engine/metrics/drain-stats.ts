// Drain statistics of model.md §6: requests, completions, skips (pcpu_drain_mutex held), stalls,
// request -> completion time overall and by source, mutex wait, per-target time, pages freed.
import type { DrainSourceKind } from '../../../src-shared/profile/schema'
import type { DrainsResult, DrainSourceStats } from '../../../src-shared/results/types'
import { DistributionRecorder } from './distribution-recorder'
import { SampledSeriesRecorder } from './sampled-series'

class SourceStats {
  requested = 0
  completed = 0
  skipped = 0
  stalled = 0
  readonly duration = new DistributionRecorder()
}

export class DrainStats {
  requested = 0
  completed = 0
  skipped = 0
  pagesFreed = 0
  readonly duration = new DistributionRecorder()
  readonly mutexWait = new DistributionRecorder()
  readonly perTarget = new DistributionRecorder()
  readonly targets = new DistributionRecorder()
  readonly overTime = new SampledSeriesRecorder()
  private readonly bySource = new Map<DrainSourceKind, SourceStats>()

  /** A target's drain ended (its work item, or the direct drainer's last lock hold on it): per-target time counts from the drain's start. */
  targetDrained(run: { readonly counted: boolean; readonly startNs: number }, now: number): void {
    if (run.counted) this.perTarget.record(now - run.startNs)
  }

  source(kind: DrainSourceKind): SourceStats {
    let s = this.bySource.get(kind)
    if (s === undefined) {
      s = new SourceStats()
      this.bySource.set(kind, s)
    }
    return s
  }

  result(stalled: Array<{ kind: DrainSourceKind; ageNs: number }>): DrainsResult {
    let oldest = 0
    for (const s of stalled) {
      this.source(s.kind).stalled++
      if (s.ageNs > oldest) oldest = s.ageNs
    }
    const bySource: DrainsResult['bySource'] = {}
    for (const kind of [...this.bySource.keys()].sort()) {
      const s = this.bySource.get(kind) as SourceStats
      const out: DrainSourceStats = { requested: s.requested, completed: s.completed, skipped: s.skipped, stalled: s.stalled, durationNs: s.duration.summary() }
      bySource[kind] = out
    }
    return {
      requested: this.requested,
      completed: this.completed,
      skipped: this.skipped,
      stalled: stalled.length,
      pagesFreed: this.pagesFreed,
      durationNs: this.duration.summary(),
      mutexWaitNs: this.mutexWait.summary(),
      perTargetNs: this.perTarget.summary(),
      targets: this.targets.summary(),
      bySource,
      overTime: this.overTime.result(),
      oldestPendingNs: Math.round(oldest)
    }
  }
}
