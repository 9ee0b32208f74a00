// The chart registry: the UI's Results tabs and the CLI's PNG/SVG/HTML exports iterate this same list,
// so an exported chart is the chart on screen. Builders are pure: results in, a fresh Chart.js config out.
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentResults } from '../results/types'
import { buildDrainHistogram } from './drain-histogram'
import { buildDrainOverTime } from './drain-over-time'
import { buildDrainPercentiles } from './drain-percentiles'
import { buildFlushWork } from './flush-work'
import { concernsIsolatedCpus, flushRows } from '../results/flush-rows'
import { buildInterference } from './interference'
import { buildLatencyHistogram } from './latency-histogram'
import { buildLatencyPercentiles } from './latency-percentiles'
import { buildMaxPerWindow } from './max-per-window'
import { buildMissesOverTime } from './misses-over-time'
import type { ChartBuildOptions } from './select-jobs'
import { buildStrandedPages } from './stranded-pages'
import { buildSweepMetric, type SweepChartOptions } from './sweep-metric'
import { distinguishVariants } from './variant-styles'
import { buildWorstBreakdown } from './worst-breakdown'

export interface ChartSpec {
  id: string
  title: string
  /** the Results tab the chart belongs to (ux.md) */
  group: 'latency' | 'drains' | 'interference' | 'worst' | 'sweep'
  /** false when the results hold nothing for this chart (e.g. the sweep chart without a sweep) */
  available(results: ExperimentResults): boolean
  build(results: ExperimentResults, opts?: ChartBuildOptions & SweepChartOptions): ChartConfiguration
}

const hasTasks = (r: ExperimentResults) => r.jobs.some((j) => (j.result?.tasks.length ?? 0) > 0)
// imported measurements have latency samples but no series over time (a histogram, a list of maxima), no
// sampled pcplists and no interference accounting; and a run that recorded no interference for its realtime
// tasks has interference rows of zeros: those charts would be empty axes (Results says why instead)
const hasWindows = (r: ExperimentResults) => r.jobs.some((j) => j.result?.tasks.some((t) => t.maxLatencyPerWindowNs.values.length > 0) ?? false)
const hasStranded = (r: ExperimentResults) => r.jobs.some((j) => (j.result?.strandedPages.tNs.length ?? 0) > 0)
const hasInterference = (r: ExperimentResults) => r.jobs.some((j) => j.result?.interference.some((cpu) => Object.values(cpu.bySourceNs).some((ns) => ns > 0)) ?? false)
const hasDrains = (r: ExperimentResults) => r.jobs.some((j) => (j.result?.drains.completed ?? 0) > 0)
const hasFlushes = (r: ExperimentResults) => flushRows(r).some(concernsIsolatedCpus)
const hasWorst = (r: ExperimentResults) => r.jobs.some((j) => j.result?.worst != null)
const hasSweep = (r: ExperimentResults) => r.profile.sweep !== undefined && r.aggregates.length > 0

/**
 * Chart.js configs of several chart types share one registry; each builder's own type is exact. Every chart
 * leaves the registry with its variants told apart (dashes, markers, a note when their data coincide).
 */
const widen = <T>(build: (r: ExperimentResults, o?: ChartBuildOptions & SweepChartOptions) => T): ChartSpec['build'] =>
  (r, o) => distinguishVariants(build(r, o) as unknown as ChartConfiguration)

export const CHARTS: ChartSpec[] = [
  { id: 'latency-histogram', title: 'Wakeup latency histogram', group: 'latency', available: hasTasks, build: widen(buildLatencyHistogram) },
  { id: 'latency-percentiles', title: 'Wakeup latency by percentile', group: 'latency', available: hasTasks, build: widen(buildLatencyPercentiles) },
  { id: 'max-per-window', title: 'Max latency per window', group: 'latency', available: hasWindows, build: widen(buildMaxPerWindow) },
  { id: 'misses-over-time', title: 'Deadline misses over time', group: 'latency', available: hasWindows, build: widen(buildMissesOverTime) },
  { id: 'drain-histogram', title: 'Drain time histogram', group: 'drains', available: hasDrains, build: widen(buildDrainHistogram) },
  { id: 'drain-percentiles', title: 'Drain time by percentile', group: 'drains', available: hasDrains, build: widen(buildDrainPercentiles) },
  { id: 'drain-over-time', title: 'Drain times over time', group: 'drains', available: hasDrains, build: widen(buildDrainOverTime) },
  { id: 'flush-work', title: 'Per-CPU flush work on isolated CPUs', group: 'drains', available: hasFlushes, build: widen(buildFlushWork) },
  { id: 'stranded-pages', title: 'Pages on pcplists over time', group: 'drains', available: hasStranded, build: widen(buildStrandedPages) },
  { id: 'interference', title: 'Interference by source', group: 'interference', available: hasInterference, build: widen(buildInterference) },
  { id: 'worst-breakdown', title: 'Worst sample breakdown', group: 'worst', available: hasWorst, build: widen(buildWorstBreakdown) },
  { id: 'sweep-metric', title: 'Metric vs sweep parameter', group: 'sweep', available: hasSweep, build: widen(buildSweepMetric) },
  { id: 'sweep-misses', title: 'Deadline misses vs sweep parameter', group: 'sweep', available: hasSweep, build: widen((r, o) => buildSweepMetric(r, { metric: 'misses', ...o })) },
  { id: 'sweep-latency-max', title: 'Max latency vs sweep parameter', group: 'sweep', available: hasSweep, build: widen((r, o) => buildSweepMetric(r, { metric: 'latencyMaxNs', ...o })) }
]

export { VARIANT_COLORS, variantFill } from './variant-colors'
export { SOURCE_COLORS } from './source-colors'
export type { ChartBuildOptions } from './select-jobs'
export type { SweepChartOptions } from './sweep-metric'
