// Drain time (request -> completion) distribution, log-y: workqueue drains wait for kworkers, direct ones do not.
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentResults } from '../results/types'
import { histogramChart } from './latency-histogram'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'

export function buildDrainHistogram(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({ variant, dists: runs.map((run) => run.drains.durationNs) }))
  return histogramChart(`Drain time histogram${pointSuffix(results, opts)}`, 'drain time, request to completion (µs)', series, 'completed drains, all seeds')
}
