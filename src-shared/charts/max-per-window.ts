// Max wakeup latency per window over time (OSADL's long-term plots): does the worst case recur or was it once?
import type { ExperimentResults } from '../results/types'
import { usOfNs, type TabledChart } from './chart-table'
import { pointSuffix, runsByVariant, tasksOf, type ChartBuildOptions } from './select-jobs'
import { combineWindows, windowSeriesChart } from './window-series'

export function buildMaxPerWindow(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({
    variant,
    windows: combineWindows(tasksOf(runs[0], opts).map((t) => t.maxLatencyPerWindowNs), Math.max),
    toUnit: usOfNs
  }))
  const windowMs = results.profile.run.seriesWindowMs
  return windowSeriesChart(`Max wakeup latency per ${windowMs} ms window${pointSuffix(results, opts)}`, 'max wakeup latency (µs, log)', 'max wakeup latency (µs)', series, 'first seed of each variant', true, 'window maxima')
}
