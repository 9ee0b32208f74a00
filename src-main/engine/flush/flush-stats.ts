// Counters of the per-CPU flushes over a run (results FlushesResult): calls, their work items by CPU
// kind, and how long the callers that wait waited. Only calls after the warm-up count.
import { PER_CPU_FLUSHES, type PerCpuFlush } from '../../../src-shared/kernel/per-cpu-flush'
import type { FlushesResult, FlushStats as FlushStatsResult } from '../../../src-shared/results/types'
import { DistributionRecorder } from '../metrics/distribution-recorder'
import type { FlushCall } from './flush-call'

class OneFlushStats {
  requested = 0
  completed = 0
  skipped = 0
  isolatedWorkItems = 0
  housekeepingWorkItems = 0
  isolatedSkipped = 0
  remoteFlushes = 0
  readonly duration = new DistributionRecorder()
}

export class FlushStats {
  private readonly byFlush = new Map<PerCpuFlush, OneFlushStats>()

  of(flush: PerCpuFlush): OneFlushStats {
    let s = this.byFlush.get(flush)
    if (s === undefined) {
      s = new OneFlushStats()
      this.byFlush.set(flush, s)
    }
    return s
  }

  completed(call: FlushCall, now: number): void {
    if (!call.counted) return
    const s = this.of(call.flush)
    s.completed++
    s.duration.record(now - call.requestNs)
  }

  /** `pending`: the counted calls still waiting for a work item at `now`. */
  result(pending: readonly FlushCall[], now: number): FlushesResult | undefined {
    if (this.byFlush.size === 0) return undefined
    const out: FlushesResult = {}
    for (const flush of PER_CPU_FLUSHES) {
      const s = this.byFlush.get(flush)
      if (s === undefined) continue
      const stalled = pending.filter((c) => c.flush === flush)
      const row: FlushStatsResult = {
        requested: s.requested,
        completed: s.completed,
        skipped: s.skipped,
        stalled: stalled.length,
        isolatedWorkItems: s.isolatedWorkItems,
        housekeepingWorkItems: s.housekeepingWorkItems,
        isolatedSkipped: s.isolatedSkipped,
        remoteFlushes: s.remoteFlushes,
        durationNs: s.duration.summary(),
        oldestPendingNs: stalled.reduce((oldest, c) => Math.max(oldest, now - c.requestNs), 0)
      }
      out[flush] = row
    }
    return out
  }
}
