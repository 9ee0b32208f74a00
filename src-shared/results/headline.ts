// The headline numbers of a run: what the summary table, the history list and the aggregates show.
import type { RunResult } from './types'

export const HEADLINE_METRICS = [
  'misses', 'latencyP9999Ns', 'latencyMaxNs', 'drainP50Ns', 'drainP99Ns', 'drainMaxNs', 'stalled', 'skipped'
] as const
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number]

/** Column titles and whether the value is a duration (ns) or a count. */
export const HEADLINE_LABELS: Record<HeadlineMetric, { title: string; unit: 'ns' | 'count' }> = {
  misses: { title: 'misses', unit: 'count' },
  latencyP9999Ns: { title: 'latency p99.99', unit: 'ns' },
  latencyMaxNs: { title: 'latency max', unit: 'ns' },
  drainP50Ns: { title: 'drain p50', unit: 'ns' },
  drainP99Ns: { title: 'drain p99', unit: 'ns' },
  drainMaxNs: { title: 'drain max', unit: 'ns' },
  stalled: { title: 'stalled', unit: 'count' },
  skipped: { title: 'skipped', unit: 'count' }
}

/** Worst-case metrics report the worst seed; the others the mean over seeds (summary table, sweep charts). */
export const WORST_OF_SEEDS: ReadonlySet<HeadlineMetric> = new Set(['latencyMaxNs', 'drainMaxNs'])

/** How a metric sums up several seeds, as every table and chart labels it. */
export function seedSummary(metric: HeadlineMetric): 'worst seed' | 'mean over seeds' {
  return WORST_OF_SEEDS.has(metric) ? 'worst seed' : 'mean over seeds'
}

/**
 * Across several realtime tasks the worst one speaks for the run: latency figures take the maximum over
 * tasks (a deadline is per task, and the isolated CPU that suffers most is the finding); misses add up.
 */
export function headlineOf(run: RunResult): Record<HeadlineMetric, number> {
  const latencyMax = Math.max(0, ...run.tasks.map((t) => t.latencyNs.max))
  const latencyP9999 = Math.max(0, ...run.tasks.map((t) => t.latencyNs.p9999))
  return {
    misses: run.tasks.reduce((sum, t) => sum + t.misses, 0),
    latencyP9999Ns: latencyP9999,
    latencyMaxNs: latencyMax,
    drainP50Ns: run.drains.durationNs.p50,
    drainP99Ns: run.drains.durationNs.p99,
    drainMaxNs: run.drains.durationNs.max,
    stalled: run.drains.stalled,
    skipped: run.drains.skipped
  }
}

/**
 * The metrics these runs did not measure: drain times without a completed drain, latencies without a task
 * activation, stalled and skipped drains where no drain was requested (imported measurements, a profile without
 * a drain source: "0 stalled" read as a drain that never stalled). Every table prints them as no value ("—", an
 * empty CSV cell), never as a 0 ns that reads as real (and as the best). The results keep the engine's 0: JSON
 * has no NaN, and the aggregates stay numbers.
 */
export function unmeasuredMetrics(runs: ReadonlyArray<RunResult | undefined>): HeadlineMetric[] {
  const measured = runs.filter((r): r is RunResult => r !== undefined)
  return [
    ...(measured.some((r) => r.drains.completed > 0) ? [] : (['drainP50Ns', 'drainP99Ns', 'drainMaxNs'] as const)),
    ...(measured.some((r) => r.drains.requested > 0) ? [] : (['stalled', 'skipped'] as const)),
    ...(measured.some((r) => r.tasks.some((t) => t.activations > 0)) ? [] : (['latencyP9999Ns', 'latencyMaxNs'] as const))
  ]
}
