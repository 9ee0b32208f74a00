// Each completed drain at its completion time: a drain stuck behind a starved kworker shows as a late outlier.
import type { ExperimentResults } from '../results/types'
import { axisTitle, frameOptions } from './chart-frame'
import { pointSuffix, runsByVariant, type ChartBuildOptions } from './select-jobs'
import { VARIANT_COLORS } from './variant-colors'
import { sOfNs, usOfNs, withTable, type TabledChart } from './chart-table'
import { onBand, zeroBand, zeroBandAxis, zeroNotes } from './zero-band'

export function buildDrainOverTime(results: ExperimentResults, opts: ChartBuildOptions = {}): TabledChart<'scatter'> {
  // a drain of lists that were already empty takes no time: 0 µs, drawn on the zero line, not clamped to 1 ns
  const series = runsByVariant(results, opts).map(({ variant, runs }) => {
    const s = runs[0].drains.overTime
    return { variant, points: s.tNs.map((t, i) => ({ s: sOfNs(t), us: usOfNs(s.values[i]) })) }
  })
  const band = zeroBand(series.flatMap((s) => s.points.map((p) => p.us)))
  const datasets = series.map(({ variant, points }) => ({
    label: variant,
    data: points.map((p) => onBand(p.s, p.us, band)),
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    // big enough to tell the variants' markers apart
    pointRadius: 3
  }))
  const subtitle = 'first seed of each variant; stalled drains never complete and are not shown'
  const options = frameOptions<'scatter'>(`Drain times over time${pointSuffix(results, opts)}`, subtitle)
  const zeros = series.map(({ variant, points }) => ({ variant, zeros: points.filter((p) => p.us === 0).length, total: points.length }))
  options.plugins!.subtitle!.text = [subtitle, ...zeroNotes('drains', zeros)]
  options.scales = {
    x: { type: 'linear', min: 0, title: axisTitle('completion time (s)') },
    y: zeroBandAxis(band, axisTitle('drain time (µs, log)'))
  }
  const table = {
    header: ['variant', 'completion time (s)', 'drain time (µs)'],
    rows: series.flatMap(({ variant, points }) => points.map((p) => [variant, p.s, p.us]))
  }
  return withTable({ type: 'scatter', data: { datasets }, options }, table)
}
