// The overview cards' numbers per variant (ux.md: misses, latency p99.99 and max, drain p50/p99/max,
// stalled, skipped, stranded pages), their definitions, and which variant is best on each. Lower is
// better for every one of them.
import { HEADLINE_METRICS, type HeadlineMetric } from '@shared/results/headline'
import { summaryRows } from '@shared/results/summary-table'
import { sweepLabel as sweepLabelOf } from '@shared/results/sweep-point'
import type { ExperimentResults } from '@shared/results/types'
import type { Variant } from '@shared/profile/schema'

export type OverviewMetric = HeadlineMetric | 'strandedPages'
export const OVERVIEW_METRICS: OverviewMetric[] = [...HEADLINE_METRICS, 'strandedPages']

export const METRIC_INFO: Record<OverviewMetric, { title: string; unit: 'ns' | 'count' | 'pages'; definition: string }> = {
  misses: { title: 'Deadline misses', unit: 'count', definition: 'Jobs that finished after their deadline (release + deadlineUs, default the period), all realtime tasks, mean over seeds.' },
  latencyP9999Ns: { title: 'Latency p99.99', unit: 'ns', definition: 'Wakeup latency (release → start of the job) at the 99.99th percentile, worst task, mean over seeds (HDR histogram, 3 significant digits).' },
  latencyMaxNs: { title: 'Latency max', unit: 'ns', definition: 'Largest wakeup latency (release → start) of any job of any task, worst seed.' },
  drainP50Ns: { title: 'Drain p50', unit: 'ns', definition: 'Median time from a drain request to its completion (completed drains only), mean over seeds.' },
  drainP99Ns: { title: 'Drain p99', unit: 'ns', definition: '99th percentile of drain request → completion time, mean over seeds.' },
  drainMaxNs: { title: 'Drain max', unit: 'ns', definition: 'Longest completed drain (request → completion), worst seed.' },
  stalled: { title: 'Stalled drains', unit: 'count', definition: 'Drains still pending when the run ended (e.g. waiting for a kworker starved by a FIFO task), mean over seeds.' },
  skipped: { title: 'Skipped drains', unit: 'count', definition: 'Global drains that found pcpu_drain_mutex held and returned without draining anything, mean over seeds.' },
  strandedPages: { title: 'Pages stranded', unit: 'pages', definition: 'Σ pcp->count over all CPUs and zones at the end of the run: pages on per-CPU lists, invisible to the buddy allocator. Mean over seeds.' }
}

export interface OverviewCard {
  variant: Variant
  seeds: number
  partial: boolean
  values: Record<OverviewMetric, number>
}

export function overviewCards(results: ExperimentResults, sweepLabel: string | null = null): OverviewCard[] {
  const rows = summaryRows(results).filter((r) => r.sweep === sweepLabel)
  return rows.map((row) => {
    const jobs = results.jobs.filter((j) => j.variant === row.variant && j.result && sweepLabelOf(j.sweepPoint) === sweepLabel)
    const stranded = jobs.map((j) => j.result!.strandedPages.values.at(-1) ?? Number.NaN).filter((v) => !Number.isNaN(v))
    const values = { ...row.values, strandedPages: stranded.length ? stranded.reduce((a, b) => a + b, 0) / stranded.length : Number.NaN }
    return { variant: row.variant, seeds: row.seeds, partial: jobs.some((j) => j.result!.partial) || row.cancelled > 0, values }
  })
}

/** The variants holding the lowest value of a metric; none when all variants are equal. */
export function bestVariants(cards: OverviewCard[], metric: OverviewMetric): Set<Variant> {
  const values = cards.map((c) => c.values[metric]).filter((v) => Number.isFinite(v))
  if (values.length < 2) return new Set()
  const best = Math.min(...values)
  if (values.every((v) => v === best)) return new Set()
  return new Set(cards.filter((c) => c.values[metric] === best).map((c) => c.variant))
}
