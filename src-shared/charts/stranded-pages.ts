// Pages stranded on pcplists over time (Σ pcp->count): what a drain is for, and what a stalled one leaves behind.
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, S_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'

export function buildStrandedPages(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'line'> {
  const datasets = runsByVariant(results, opts).map(({ variant, runs }) => {
    const s = runs[0].strandedPages
    return {
      label: variant,
      data: s.tNs.map((t, i) => ({ x: t * S_PER_NS, y: s.values[i] })),
      borderColor: VARIANT_COLORS[variant],
      backgroundColor: VARIANT_COLORS[variant],
      borderWidth: 1.5,
      pointRadius: 0
    }
  })
  const options = frameOptions<'line'>(`Pages on pcplists over time${pointSuffix(results, opts)}`, 'Σ pcp->count over all CPUs and zones, first seed of each variant')
  options.scales = {
    x: { type: 'linear', min: 0, title: axisTitle('simulated time (s)') },
    y: { type: 'linear', min: 0, title: axisTitle('pages (count)') }
  }
  return { type: 'line', data: { datasets }, options }
}
