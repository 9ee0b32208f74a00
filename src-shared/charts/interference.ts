// Interference by source per isolated CPU: the time taken from the realtime task, stacked by what took it.
import type { ChartConfiguration } from 'chart.js'
import { INTERFERENCE_SOURCES, type ExperimentResults } from '../results/types'
import { axisTitle, frameOptions, US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { SOURCE_COLORS } from './source-colors'

export function buildInterference(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'bar'> {
  const labels: string[] = []
  const totals: Array<Record<string, number>> = []
  for (const { variant, runs } of runsByVariant(results, opts)) {
    const cpus = [...new Set(runs.flatMap((r) => r.interference.map((i) => i.cpu)))].sort((a, b) => a - b)
    for (const cpu of cpus) {
      labels.push(`CPU ${cpu} · ${variant}`)
      // mean over seeds: each seed's run covers the same simulated time
      const sum: Record<string, number> = {}
      for (const source of INTERFERENCE_SOURCES) {
        const values = runs.map((r) => r.interference.find((i) => i.cpu === cpu)?.bySourceNs[source] ?? 0)
        sum[source] = values.reduce((a, b) => a + b, 0) / runs.length
      }
      totals.push(sum)
    }
  }
  const datasets = INTERFERENCE_SOURCES.map((source) => ({
    label: source,
    data: totals.map((t) => t[source] * US_PER_NS),
    backgroundColor: SOURCE_COLORS[source],
    borderColor: SOURCE_COLORS[source],
    stack: 'interference'
  }))
  const options = frameOptions<'bar'>(`Interference by source per isolated CPU${pointSuffix(results, opts)}`, 'time taken from the realtime task over the run, mean over seeds')
  options.scales = {
    x: { stacked: true, title: axisTitle('isolated CPU · variant') },
    y: { stacked: true, min: 0, title: axisTitle('time (µs)') }
  }
  return { type: 'bar', data: { labels, datasets }, options }
}
