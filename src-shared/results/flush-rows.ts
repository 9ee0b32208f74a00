// The per-CPU flushes of a result as table rows (Results → Drains, the HTML report): one row per variant and
// flush, counts summed over the seeds, the waiting time's median and maximum over all of them.
import { runsByVariant, type ChartBuildOptions } from '../charts/select-jobs'
import { PER_CPU_FLUSHES, PER_CPU_FLUSH_INFO, type PerCpuFlush } from '../kernel/per-cpu-flush'
import type { Variant } from '../profile/schema'
import { formatNs } from '../units'
import { textTable } from './summary-table'
import type { ExperimentResults } from './types'

export interface FlushRow {
  variant: Variant
  flush: PerCpuFlush
  /** "LRU drain — lru_add_drain_all() → lru_add_drain_per_cpu" */
  label: string
  requested: number
  completed: number
  skipped: number
  stalled: number
  isolatedWorkItems: number
  housekeepingWorkItems: number
  isolatedSkipped: number
  remoteFlushes: number
  /** the largest of the seeds' medians and maxima of request → last work item done */
  p50Ns: number
  maxNs: number
  oldestPendingNs: number
}

export function flushRows(results: ExperimentResults, opts: ChartBuildOptions = {}): FlushRow[] {
  return runsByVariant(results, opts).flatMap(({ variant, runs }) => PER_CPU_FLUSHES.flatMap((flush): FlushRow[] => {
    const stats = runs.flatMap((r) => (r.flushes?.[flush] === undefined ? [] : [r.flushes[flush]]))
    if (stats.length === 0) return []
    const info = PER_CPU_FLUSH_INFO[flush]
    const total = (pick: (s: (typeof stats)[number]) => number) => stats.reduce((sum, s) => sum + pick(s), 0)
    const largest = (pick: (s: (typeof stats)[number]) => number) => Math.max(...stats.map(pick))
    return [{
      variant,
      flush,
      label: `${info.label} — ${info.caller} → ${info.work}`,
      requested: total((s) => s.requested),
      completed: total((s) => s.completed),
      skipped: total((s) => s.skipped),
      stalled: total((s) => s.stalled),
      isolatedWorkItems: total((s) => s.isolatedWorkItems),
      housekeepingWorkItems: total((s) => s.housekeepingWorkItems),
      isolatedSkipped: total((s) => s.isolatedSkipped),
      remoteFlushes: total((s) => s.remoteFlushes),
      p50Ns: largest((s) => s.durationNs.p50),
      maxNs: largest((s) => s.durationNs.max),
      oldestPendingNs: largest((s) => s.oldestPendingNs)
    }]
  }))
}

/**
 * The flush rows that concern the isolated CPUs — work queued there, isolated CPUs passed over, stalled calls,
 * remote flushes — as the text table `drainlab run` prints under its summary; '' when there are none.
 */
export function flushSummaryText(results: ExperimentResults): string {
  const rows = flushRows(results).filter((r) => r.isolatedWorkItems + r.isolatedSkipped + r.stalled + r.remoteFlushes > 0)
  if (rows.length === 0) return ''
  const header = ['variant', 'per-CPU flush', 'calls', 'done', 'skipped', 'stalled', 'on isolated CPUs', 'isolated passed over', 'remote', 'wait max']
  const lines = rows.map((r) => [r.variant, PER_CPU_FLUSH_INFO[r.flush].caller, String(r.requested), String(r.completed), String(r.skipped), String(r.stalled), String(r.isolatedWorkItems), String(r.isolatedSkipped), String(r.remoteFlushes), formatNs(r.maxNs)])
  return textTable(header, lines, 2)
}
