// One line on kswapd's balances before the reclaim drains (engine 0.7+, RunResult.pcp.kswapdBalances): how much
// of the run ZONE_RECLAIM_ACTIVE capped the lists of the CPUs that free at batch << 2 (and lowered 6.7+'s high).
// Shown under `drainlab run` / `history show` and in Results → Drains; '' when no run had one.
import { runsByVariant, type ChartBuildOptions } from '../charts/select-jobs'
import type { ExperimentResults } from './types'

export function kswapdSummaryText(results: ExperimentResults, opts: ChartBuildOptions = {}): string {
  const runs = runsByVariant(results, opts).flatMap((v) => v.runs).filter((r) => (r.pcp.kswapdBalances ?? 0) > 0)
  if (runs.length === 0) return ''
  const warmupNs = results.profile.run.warmupMs * 1e6
  const shares = runs.map((r) => (r.pcp.reclaimActiveNs ?? 0) / Math.max(1, r.simulatedNs - warmupNs))
  const balances = runs.map((r) => r.pcp.kswapdBalances ?? 0)
  const range = (xs: number[], fmt: (x: number) => string) => (Math.min(...xs) === Math.max(...xs) ? fmt(xs[0]) : `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`)
  const batch = runs[0].pcp.batch
  return `kswapd: ${range(balances, String)} balances before the reclaim drains per run, ZONE_RECLAIM_ACTIVE ${range(shares, (s) => `${(s * 100).toFixed(1)} %`)} of the measured time — a CPU that frees keeps at most ${4 * batch} pages (4 × batch) on its lists then, and 6.7+ lowers its high to high_min`
}
