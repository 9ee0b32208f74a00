// Max wakeup latency per window over time (OSADL's long-term plots): does the worst case recur or was it once?
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentResults } from '../results/types'
import { US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, tasksOf, type ChartBuildOptions } from './select-jobs'
import { combineWindows, windowSeriesChart } from './window-series'

export function buildMaxPerWindow(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({
    variant,
    windows: combineWindows(tasksOf(runs[0], opts).map((t) => t.maxLatencyPerWindowNs), Math.max),
    scale: US_PER_NS
  }))
  const windowMs = results.profile.run.seriesWindowMs
  return windowSeriesChart(`Max wakeup latency per ${windowMs} ms window${pointSuffix(results, opts)}`, 'max wakeup latency (µs, log)', series, 'first seed of each variant', true)
}
