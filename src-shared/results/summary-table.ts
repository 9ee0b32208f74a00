// The comparison table (one row per variant, and per sweep point): the CLI's closing table, the CSV
// summary and the HTML report all print these rows.
import { HEADLINE_METRICS, HEADLINE_LABELS, WORST_OF_SEEDS, unmeasuredMetrics, type HeadlineMetric } from './headline'
import { sweepKey, sweepLabel } from './sweep-point'
import type { Aggregate, ExperimentResults } from './types'
import type { Variant } from '../profile/schema'
import { formatNs } from '../units'

export interface SummaryRow {
  variant: Variant
  sweep: string | null
  seeds: number
  failed: number
  cancelled: number
  values: Record<HeadlineMetric, number>
}

export function summaryRows(results: ExperimentResults): SummaryRow[] {
  const rows = new Map<string, SummaryRow>()
  const keyOf = (variant: Variant, sweep: string) => `${variant}\u0000${sweep}`
  for (const job of results.jobs) {
    const key = keyOf(job.variant, sweepKey(job.sweepPoint))
    const row = rows.get(key) ?? {
      variant: job.variant, sweep: sweepLabel(job.sweepPoint), seeds: 0, failed: 0, cancelled: 0,
      values: Object.fromEntries(HEADLINE_METRICS.map((m) => [m, Number.NaN])) as Record<HeadlineMetric, number>
    }
    if (job.status === 'failed') row.failed++
    if (job.status === 'cancelled') row.cancelled++
    rows.set(key, row)
  }
  const byKey = new Map<string, Aggregate[]>()
  for (const a of results.aggregates) {
    const key = keyOf(a.variant, sweepKey(a.sweepPoint))
    byKey.set(key, [...(byKey.get(key) ?? []), a])
  }
  for (const [key, row] of rows) {
    for (const a of byKey.get(key) ?? []) {
      const metric = a.metric as HeadlineMetric
      if (!(metric in row.values)) continue
      row.seeds = a.seeds
      row.values[metric] = WORST_OF_SEEDS.has(metric) ? a.max : a.mean
    }
    // no completed drain (or no job of any task) is no measurement: NaN ("—"), never a "best" 0 ns
    const runs = results.jobs.filter((j) => j.status === 'completed' && keyOf(j.variant, sweepKey(j.sweepPoint)) === key).map((j) => j.result)
    for (const m of unmeasuredMetrics(runs)) row.values[m] = Number.NaN
  }
  // grouped per variant (the profile's order), sweep points in grid order within each
  const order = results.profile.kernel.variants
  return [...rows.values()].sort((a, b) => order.indexOf(a.variant) - order.indexOf(b.variant))
}

export function formatMetric(metric: HeadlineMetric, value: number): string {
  if (Number.isNaN(value)) return '—'
  if (HEADLINE_LABELS[metric].unit === 'ns') return formatNs(value)
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** The table as aligned text columns (monospace), header first. */
export function summaryText(results: ExperimentResults): string {
  const rows = summaryRows(results)
  const hasSweep = rows.some((r) => r.sweep !== null)
  const header = ['variant', ...(hasSweep ? ['sweep'] : []), 'seeds', ...HEADLINE_METRICS.map((m) => HEADLINE_LABELS[m].title)]
  const lines = rows.map((r) => {
    const status = r.failed + r.cancelled > 0 ? `${r.seeds} (${[r.failed ? `${r.failed} failed` : '', r.cancelled ? `${r.cancelled} cancelled` : ''].filter(Boolean).join(', ')})` : String(r.seeds)
    return [r.variant, ...(hasSweep ? [r.sweep ?? ''] : []), status, ...HEADLINE_METRICS.map((m) => formatMetric(m, r.values[m]))]
  })
  return textTable(header, lines, hasSweep ? 2 : 1)
}

/** A plain-text table: the first `leftColumns` columns left-aligned, the rest (numbers) right-aligned. */
export function textTable(header: string[], lines: string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const render = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n')
}
