// Each completed drain at its completion time: a drain stuck behind a starved kworker shows as a late outlier.
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, S_PER_NS, US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'
import { sOfNs, usOfNs, withTable, type TabledChart } from './chart-table'

export function buildDrainOverTime(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'scatter'> {
  const picked = runsByVariant(results, opts)
  const datasets = picked.map(({ variant, runs }) => {
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
  const table = {
    header: ['variant', 'completion time (s)', 'drain time (µs)'],
    rows: picked.flatMap(({ variant, runs }) => runs[0].drains.overTime.tNs.map((t, i) => [variant, sOfNs(t), usOfNs(runs[0].drains.overTime.values[i])]))
  }
  return withTable({ type: 'scatter', data: { datasets }, options }, table)
}
