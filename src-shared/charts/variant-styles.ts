// Variants told apart by more than colour: direct, direct-irqon and direct-chunked often give the very same
// numbers, and then one line hid the others without a word. Each variant has its own dash pattern and marker,
// and a chart whose variant series coincide says so in its subtitle.
import type { Chart, ChartConfiguration, LegendItem, PointStyle } from 'chart.js'
import { VARIANTS, type Variant } from '../profile/schema'

export const VARIANT_DASH: Readonly<Record<Variant, number[]>> = {
  workqueue: [],
  direct: [8, 4],
  'direct-irqon': [2, 3],
  'direct-chunked': [12, 3, 3, 3]
}

export const VARIANT_MARKER: Readonly<Record<Variant, PointStyle>> = {
  workqueue: 'circle',
  direct: 'rect',
  'direct-irqon': 'triangle',
  'direct-chunked': 'rectRot'
}

const isVariant = (label: unknown): label is Variant => typeof label === 'string' && (VARIANTS as readonly string[]).includes(label)

/**
 * Legend items as short lines in each dataset's dash. Chart.js's own items with usePointStyle take the style of
 * a point, which has no dash, and its boxes fill over the dash's gaps.
 */
function dashedLegend(chart: Chart): LegendItem[] {
  return chart.data.datasets.map((d, i) => ({
    text: d.label ?? '',
    datasetIndex: i,
    hidden: !chart.isDatasetVisible(i),
    pointStyle: 'line',
    strokeStyle: d.borderColor as string,
    fillStyle: d.borderColor as string,
    lineDash: (d as { borderDash?: number[] }).borderDash ?? [],
    lineWidth: 2.5,
    fontColor: chart.options.color as string
  }))
}

/** "direct, direct-irqon and direct-chunked": a list in prose. */
export function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** Dash and marker per variant series, and a subtitle line per group of variants whose data are identical. */
export function distinguishVariants<T extends ChartConfiguration>(config: T): T {
  const groups = new Map<string, Variant[]>()
  const empty: Variant[] = []
  for (const d of config.data.datasets) {
    if (!isVariant(d.label)) continue
    Object.assign(d, { borderDash: VARIANT_DASH[d.label], pointStyle: VARIANT_MARKER[d.label] })
    if (d.data.every((p) => p === null)) {
      empty.push(d.label)
      continue
    }
    const key = JSON.stringify(d.data)
    groups.set(key, [...(groups.get(key) ?? []), d.label])
  }
  if (groups.size + empty.length === 0) return config
  // the legend shows what tells the variants apart: the dash on line charts, the marker on scatter plots
  const legend = config.options?.plugins?.legend
  if (legend) legend.labels = { ...legend.labels, usePointStyle: true, ...(config.type === 'scatter' ? {} : { pointStyleWidth: 36, generateLabels: dashedLegend }) }
  const notes = [...groups.values()].filter((g) => g.length > 1)
    .map((g) => `${listed(g)} coincide (identical data): drawn on top of each other, told apart by dashes and markers`)
  if (empty.length > 0) notes.push(`nothing to draw for ${listed(empty)} in this run`)
  const subtitle = config.options?.plugins?.subtitle
  if (notes.length > 0 && subtitle) {
    const text = subtitle.text
    subtitle.text = [...(Array.isArray(text) ? text : [text]).filter((t) => t !== ''), ...notes]
    subtitle.display = true
  }
  return config
}
