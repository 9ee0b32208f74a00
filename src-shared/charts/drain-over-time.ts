// Each completed drain at its completion time: a drain stuck behind a starved kworker shows as a late outlier.
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, S_PER_NS, US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'

export function buildDrainOverTime(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'scatter'> {
  const datasets = runsByVariant(results, opts).map(({ variant, runs }) => {
    const s = runs[0].drains.overTime
    return {
      label: variant,
      data: s.tNs.map((t, i) => ({ x: t * S_PER_NS, y: Math.max(s.values[i], 1) * US_PER_NS })),
      borderColor: VARIANT_COLORS[variant],
      backgroundColor: VARIANT_COLORS[variant],
      pointRadius: 2
    }
  })
  const options = frameOptions<'scatter'>(`Drain times over time${pointSuffix(results, opts)}`, 'first seed of each variant; stalled drains never complete and are not shown')
  options.scales = {
    x: { type: 'linear', min: 0, title: axisTitle('completion time (s)') },
    y: { type: 'logarithmic', title: axisTitle('drain time (µs, log)') }
  }
  return { type: 'scatter', data: { datasets }, options }
}
