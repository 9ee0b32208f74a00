// The per-CPU flushes of a result as table rows (Results → Drains, the HTML report): one row per variant and
// flush, counts summed over the seeds, the waiting time's median and maximum over all of them.
import { runsByVariant, type ChartBuildOptions } from '../charts/select-jobs'
import { PER_CPU_FLUSHES, PER_CPU_FLUSH_INFO, type PerCpuFlush } from '../kernel/per-cpu-flush'
import type { Variant } from '../profile/schema'
import { formatNs } from '../units'
import { textTable } from './summary-table'
import type { ExperimentResults, FlushStats } from './types'

/** The counts a row sums over the seeds: every FlushStats field but the distribution and the oldest stall. */
type FlushCounts = Omit<FlushStats, 'durationNs' | 'oldestPendingNs'>
const COUNTS: ReadonlyArray<keyof FlushCounts> = ['requested', 'completed', 'skipped', 'stalled', 'isolatedWorkItems', 'housekeepingWorkItems', 'isolatedSkipped', 'remoteFlushes']

export interface FlushRow extends FlushCounts {
  variant: Variant
  flush: PerCpuFlush
  /** "LRU drain — lru_add_drain_all() → lru_add_drain_per_cpu" */
  label: string
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
    const largest = (pick: (s: FlushStats) => number) => Math.max(...stats.map(pick))
    const counts = Object.fromEntries(COUNTS.map((key) => [key, stats.reduce((sum, s) => sum + s[key], 0)])) as unknown as FlushCounts
    return [{
      variant,
      flush,
      label: `${info.label} — ${info.caller} → ${info.work}`,
      ...counts,
      p50Ns: largest((s) => s.durationNs.p50),
      maxNs: largest((s) => s.durationNs.max),
      oldestPendingNs: largest((s) => s.oldestPendingNs)
    }]
  }))
}

/** The row says something about the isolated CPUs: work queued there, CPUs passed over, calls stalled, remote flushes. */
export function concernsIsolatedCpus(r: FlushRow): boolean {
  return r.isolatedWorkItems + r.isolatedSkipped + r.stalled + r.remoteFlushes > 0
}

/**
 * The flush rows that concern the isolated CPUs — work queued there, isolated CPUs passed over, stalled calls,
 * remote flushes — as the text table `drainlab run` prints under its summary; '' when there are none.
 */
export function flushSummaryText(results: ExperimentResults): string {
  const rows = flushRows(results).filter(concernsIsolatedCpus)
  if (rows.length === 0) return ''
  const header = ['variant', 'per-CPU flush', 'calls', 'done', 'skipped', 'stalled', 'on isolated CPUs', 'isolated passed over', 'remote', 'wait max']
  const lines = rows.map((r) => [r.variant, PER_CPU_FLUSH_INFO[r.flush].caller, String(r.requested), String(r.completed), String(r.skipped), String(r.stalled), String(r.isolatedWorkItems), String(r.isolatedSkipped), String(r.remoteFlushes), formatNs(r.maxNs)])
  return textTable(header, lines, 2)
}
