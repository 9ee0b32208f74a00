// rtla-style breakdown of each variant's worst latency sample: what the worst microseconds were made of.
import type { ChartConfiguration } from 'chart.js'
import type { Variant } from '../profile/schema'
import type { ExperimentResults, WorstSample } from '../results/types'
import { axisTitle, frameOptions, US_PER_NS } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { SOURCE_COLORS, type BreakdownPart } from './source-colors'

/** The worst sample of each variant across its seeds. */
export function worstByVariant(results: ExperimentResults, opts: ChartBuildOptions = {}): Array<{ variant: Variant; seed: number; worst: WorstSample }> {
  const out: Array<{ variant: Variant; seed: number; worst: WorstSample }> = []
  for (const { variant, runs } of runsByVariant(results, opts)) {
    let best: { seed: number; worst: WorstSample } | null = null
    for (const run of runs) if (run.worst !== null && (best === null || run.worst.valueNs > best.worst.valueNs)) best = { seed: run.seed, worst: run.worst }
    if (best !== null) out.push({ variant, ...best })
  }
  return out
}

export function buildWorstBreakdown(results: ExperimentResults, opts: ChartBuildOptions = {}): ChartConfiguration<'bar'> {
  const worst = worstByVariant(results, opts)
  const parts = Object.keys(SOURCE_COLORS) as BreakdownPart[]
  const used = parts.filter((p) => worst.some((w) => w.worst.breakdown.some((b) => b.source === p && b.ns > 0)))
  const datasets = used.map((part) => ({
    label: part,
    data: worst.map((w) => w.worst.breakdown.filter((b) => b.source === part).reduce((a, b) => a + b.ns, 0) * US_PER_NS),
    backgroundColor: SOURCE_COLORS[part],
    borderColor: SOURCE_COLORS[part],
    stack: 'worst'
  }))
  const options = frameOptions<'bar'>(`Worst latency sample, broken down${pointSuffix(results, opts)}`, 'per variant, worst seed; task and CPU in the bar label')
  options.indexAxis = 'y'
  options.scales = {
    x: { stacked: true, min: 0, title: axisTitle('time (µs)') },
    y: { stacked: true, title: axisTitle('variant') }
  }
  const labels = worst.map((w) => `${w.variant} (${w.worst.task}, CPU ${w.worst.cpu}, seed ${w.seed})`)
  return { type: 'bar', data: { labels, datasets }, options }
}
