// A headline metric against the swept parameter, one line per variant (and per value of a second parameter).
// Seeds are summed up as the summary table does (seedSummary): the worst seed for maxima, else the mean,
// and the title and axis say which. Parameters go by their readable names (field-names.ts).
import type { ChartConfiguration } from 'chart.js'
import { fieldName } from '../profile/field-names'
import { HEADLINE_LABELS, WORST_OF_SEEDS, seedSummary, type HeadlineMetric } from '../results/headline'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, US_PER_NS } from './chart-frame'
import { VARIANT_COLORS } from './variant-colors'

export interface SweepChartOptions {
  metric?: HeadlineMetric
}

export function buildSweepMetric(results: ExperimentResults, opts: SweepChartOptions = {}): ChartConfiguration<'line'> {
  const metric = opts.metric ?? 'drainP99Ns'
  const { title, unit } = HEADLINE_LABELS[metric]
  const summary = seedSummary(metric)
  const params = results.profile.sweep?.parameters ?? []
  const [first, second] = params
  const name = (path: string) => fieldName(path, results.profile)
  const labels = first === undefined ? [] : first.values.map(String)
  const lines = second === undefined ? [null] : second.values
  const dash = [[], [6, 3], [2, 2], [10, 3, 2, 3]]
  const datasets = results.profile.kernel.variants.flatMap((variant) => lines.map((other, li) => ({
    label: other === null ? variant : `${variant}, ${name(second!.path)} = ${String(other)}`,
    data: (first?.values ?? []).map((x) => {
      const a = results.aggregates.find((g) => g.variant === variant && g.metric === metric && g.sweepPoint !== null &&
        g.sweepPoint.values[first!.path] === x && (other === null || g.sweepPoint.values[second!.path] === other))
      if (a === undefined) return null
      const value = WORST_OF_SEEDS.has(metric) ? a.max : a.mean
      return unit === 'ns' ? value * US_PER_NS : value
    }),
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    borderDash: dash[li % dash.length],
    borderWidth: 2,
    pointRadius: 3
  })))
  const xName = first === undefined ? 'sweep parameter' : name(first.path)
  const yTitle = `${title} (${unit === 'ns' ? 'µs' : 'count'}, ${summary})`
  const subtitle = params.length === 0 ? 'this experiment has no sweep' : `one line per variant; ${summary} at each point`
  const options = frameOptions<'line'>(`${title} (${summary}) vs ${xName}`, subtitle)
  options.scales = {
    x: { type: 'category', title: axisTitle(xName) },
    y: { type: 'linear', min: 0, title: axisTitle(yTitle) }
  }
  return { type: 'line', data: { labels, datasets }, options }
}
