// Drain time by percentile on the nines axis.
import type { TabledChart } from './chart-table'
import type { ExperimentResults } from '../results/types'
import { percentileChart } from './latency-percentiles'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'

export function buildDrainPercentiles(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({ variant, dists: runs.map((run) => run.drains.durationNs) }))
  return percentileChart(`Drain time by percentile${pointSuffix(results, opts)}`, 'drain time (µs, log)', 'drain time', 'drains', series, 'completed drains, all seeds')
}
