// Deadline misses per window over time: when the misses happened (a throttling period, a drain burst).
import type { TabledChart } from './chart-table'
import type { ExperimentResults } from '../results/types'
import { pointSuffix, runsByVariant, tasksOf, type ChartBuildOptions } from './select-jobs'
import { combineWindows, windowSeriesChart } from './window-series'

export function buildMissesOverTime(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({
    variant,
    windows: combineWindows(tasksOf(runs[0], opts).map((t) => t.missesPerWindow), (a, b) => a + b),
    toUnit: (v: number) => v
  }))
  const windowMs = results.profile.run.seriesWindowMs
  return windowSeriesChart(`Deadline misses per ${windowMs} ms window${pointSuffix(results, opts)}`, 'misses (count)', 'misses (count)', series, 'first seed of each variant, all realtime tasks', false)
}
