// A headline metric against the swept parameter, one line per variant (and per value of a second parameter).
import type { ChartConfiguration } from 'chart.js'
import { HEADLINE_LABELS, type HeadlineMetric } from '../results/headline'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, US_PER_NS } from './chart-frame'
import { VARIANT_COLORS } from './variant-colors'

export interface SweepChartOptions {
  metric?: HeadlineMetric
}

export function buildSweepMetric(results: ExperimentResults, opts: SweepChartOptions = {}): ChartConfiguration<'line'> {
  const metric = opts.metric ?? 'drainP99Ns'
  const { title, unit } = HEADLINE_LABELS[metric]
  const params = results.profile.sweep?.parameters ?? []
  const [first, second] = params
  const labels = first === undefined ? [] : first.values.map(String)
  const lines = second === undefined ? [null] : second.values
  const dash = [[], [6, 3], [2, 2], [10, 3, 2, 3]]
  const datasets = results.profile.kernel.variants.flatMap((variant) => lines.map((other, li) => ({
    label: other === null ? variant : `${variant}, ${second!.path}=${String(other)}`,
    data: (first?.values ?? []).map((x) => {
      const a = results.aggregates.find((g) => g.variant === variant && g.metric === metric && g.sweepPoint !== null &&
        g.sweepPoint.values[first!.path] === x && (other === null || g.sweepPoint.values[second!.path] === other))
      if (a === undefined) return null
      return unit === 'ns' ? a.mean * US_PER_NS : a.mean
    }),
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    borderDash: dash[li % dash.length],
    borderWidth: 2,
    pointRadius: 3
  })))
  const yTitle = unit === 'ns' ? `${title} (µs, mean over seeds)` : `${title} (count, mean over seeds)`
  const options = frameOptions<'line'>(`${title} vs ${first?.path ?? 'sweep parameter'}`, params.length === 0 ? 'this experiment has no sweep' : 'one line per variant')
  options.scales = {
    x: { type: 'category', title: axisTitle(first?.path ?? 'sweep parameter') },
    y: { type: 'linear', min: 0, title: axisTitle(yTitle) }
  }
  return { type: 'line', data: { labels, datasets }, options }
}
