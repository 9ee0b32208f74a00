// The CSV of a chart whose builder attaches no table (src-shared/charts/chart-table.ts), from the full
// (undecimated) datasets: x,y per point series, or one column per dataset for category charts (bars).
// Header names carry the axis titles' units without the axis scale ("log" is how it is drawn, not data).
import { csvRow } from '@shared/csv-cell'
import type { ChartConfiguration } from 'chart.js'

function axisTitle(config: ChartConfiguration, axis: 'x' | 'y'): string {
  const scale = (config.options?.scales as Record<string, { title?: { text?: unknown } }> | undefined)?.[axis]
  const text = scale?.title?.text
  return typeof text === 'string' ? text.replace(/, log\)/, ')').replace(/ \(log\)/, '') : axis
}

/** Values scaled for an axis (ns * 1e-3) carry float noise past 12 significant digits; the data never does. */
function cell(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : value
}

export function chartCsv(config: ChartConfiguration): string {
  const datasets = config.data.datasets
  const labels = config.data.labels
  const rows: string[] = []
  const pointData = datasets.some((d) => d.data.some((p) => typeof p === 'object' && p !== null && 'x' in p))
  if (pointData) {
    rows.push(csvRow(['series', axisTitle(config, 'x'), axisTitle(config, 'y')]))
    for (const d of datasets) {
      for (const p of d.data as Array<{ x: number; y: number | null } | null>) {
        if (p !== null) rows.push(csvRow([d.label ?? '', cell(p.x), cell(p.y)]))
      }
    }
  } else {
    rows.push(csvRow([axisTitle(config, 'x'), ...datasets.map((d) => `${d.label ?? ''} (${axisTitle(config, 'y')})`)]))
    const n = Math.max(labels?.length ?? 0, ...datasets.map((d) => d.data.length))
    for (let i = 0; i < n; i++) rows.push(csvRow([labels?.[i] ?? i, ...datasets.map((d) => cell(d.data[i]))]))
  }
  return `${rows.join('\n')}\n`
}
