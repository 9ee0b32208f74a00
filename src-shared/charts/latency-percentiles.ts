// HDR percentile plot on a "nines" axis (x = -log10(1 - p)): the tail is spread out, as HdrHistogram plots it.
import type { Scale } from 'chart.js'
import type { Variant } from '../profile/schema'
import { mergeHdr, ninesCurve, recordedValues } from '../results/hdr-decode'
import { exactRange, percentileLadder } from '../results/percentile-ladder'
import type { DistributionNs, ExperimentResults } from '../results/types'
import { axisTitle, frameOptions } from './chart-frame'
import { pointSuffix, runsByVariant, tasksOf, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'
import { usOfNs, withTable, type TabledChart } from './chart-table'
import { onBand, zeroBand, zeroBandAxis, zeroNotes, zerosOf } from './zero-band'

export const NINES_TICKS: ReadonlyArray<{ nines: number; label: string }> = [
  { nines: Math.log10(2), label: '50' },
  { nines: 1, label: '90' },
  { nines: 2, label: '99' },
  { nines: 3, label: '99.9' },
  { nines: 4, label: '99.99' },
  { nines: 5, label: '99.999' }
]

export function percentileChart(
  title: string,
  yTitle: string,
  quantity: string,
  /** what one recorded value is, for the note on zeros: "samples", "drains" */
  noun: string,
  series: Array<{ variant: Variant; dists: DistributionNs[] }>,
  subtitle: string
): TabledChart<'line'> {
  const curves = series.map((s) => {
    const h = mergeHdr(s.dists.map((d) => d.hdr))
    return { variant: s.variant, points: h === null ? [] : ninesCurve(h), ladder: h === null ? [] : percentileLadder(h, exactRange(s.dists)), zeros: h === null ? 0 : zerosOf(recordedValues(h)), total: h?.totalCount ?? 0 }
  })
  const maxNines = Math.max(1, ...curves.flatMap((c) => c.points.map((p) => p.nines)))
  const band = zeroBand(curves.flatMap((c) => c.points.map((p) => usOfNs(p.valueNs))))
  const datasets = curves.map(({ variant, points }) => ({
    label: variant,
    data: points.map((p) => onBand(p.nines, usOfNs(p.valueNs), band)),
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    borderWidth: 2,
    pointRadius: 0
  }))
  const ticks = NINES_TICKS.filter((t) => t.nines <= maxNines + 1e-9)
  const options = frameOptions<'line'>(title, subtitle)
  options.plugins!.subtitle!.text = [subtitle, ...zeroNotes(noun, curves)]
  options.scales = {
    x: {
      type: 'linear',
      min: 0,
      max: maxNines,
      title: axisTitle('percentile (%)'),
      afterBuildTicks: (scale: Scale) => { scale.ticks = ticks.map((t) => ({ value: t.nines })) },
      ticks: { callback: (value) => ticks.find((t) => Math.abs(t.nines - Number(value)) < 1e-9)?.label ?? '' }
    },
    y: zeroBandAxis(band, axisTitle(yTitle))
  }
  // the table is the distribution the curve draws, at the percentiles people quote, not the curve's sampling grid
  const table = {
    header: ['variant', 'percentile (%)', `${quantity} (µs)`],
    rows: curves.flatMap(({ variant, ladder }) => ladder.map((p) => [variant, p.percentile, usOfNs(p.valueNs)]))
  }
  return withTable({ type: 'line', data: { datasets }, options }, table)
}

export function buildLatencyPercentiles(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'line'> {
  const series = runsByVariant(results, opts).map(({ variant, runs }) => ({
    variant,
    dists: runs.flatMap((run) => tasksOf(run, opts).map((t) => t.latencyNs))
  }))
  const who = opts.task === undefined ? 'all realtime tasks' : `task ${opts.task}`
  return percentileChart(`Wakeup latency by percentile${pointSuffix(results, opts)}`, 'wakeup latency (µs, log)', 'wakeup latency', 'samples', series, `${who}, all seeds`)
}
