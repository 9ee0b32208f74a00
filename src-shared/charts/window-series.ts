// Per-window series over time (max latency per window, misses per window), first seed of each variant.
import type { Variant } from '../profile/schema'
import type { WindowSeries } from '../results/types'
import { axisTitle, frameOptions, S_PER_NS } from './chart-frame'
import { VARIANT_COLORS } from './variant-colors'
import { sOfNs, withTable, type TabledChart } from './chart-table'
import { onBand, zeroBand, zeroBandAxis, zeroNotes } from './zero-band'

/** Several tasks' series combined window by window (max for latencies, sum for counts). */
export function combineWindows(series: readonly WindowSeries[], combine: (a: number, b: number) => number): WindowSeries | null {
  if (series.length === 0) return null
  const length = Math.max(...series.map((s) => s.values.length))
  const values = Array.from({ length }, (_, i) => series.reduce((acc, s) => (i < s.values.length ? combine(acc, s.values[i]) : acc), 0))
  return { windowNs: series[0].windowNs, values }
}

export function windowSeriesChart(
  title: string,
  yTitle: string,
  /** the value column's header, with its unit */
  valueName: string,
  series: Array<{ variant: Variant; windows: WindowSeries | null; toUnit: (v: number) => number }>,
  subtitle: string,
  logY: boolean,
  /** what a zero is, for the note on a log axis: "window maxima" */
  zeroNoun = 'windows'
): TabledChart<'line'> {
  // a log axis draws zero windows on its zero line (zero-band.ts) rather than dropping them
  const band = logY ? zeroBand(series.flatMap(({ windows, toUnit }) => (windows?.values ?? []).map(toUnit))) : null
  const datasets = series.map(({ variant, windows, toUnit }) => ({
    label: variant,
    data: windows === null ? [] : windows.values.map((v, i) => {
      const x = (i + 1) * windows.windowNs * S_PER_NS
      return band === null ? { x, y: toUnit(v) } : onBand(x, toUnit(v), band)
    }),
    borderColor: VARIANT_COLORS[variant],
    backgroundColor: VARIANT_COLORS[variant],
    borderWidth: 1.5,
    pointRadius: 2,
    stepped: 'after' as const
  }))
  const options = frameOptions<'line'>(title, subtitle)
  if (band !== null) {
    const zeros = series.map(({ variant, windows }) => ({ variant, zeros: (windows?.values ?? []).filter((v) => v <= 0).length, total: windows?.values.length ?? 0 }))
    options.plugins!.subtitle!.text = [subtitle, ...zeroNotes(zeroNoun, zeros)]
  }
  options.scales = {
    x: { type: 'linear', min: 0, title: axisTitle('simulated time, end of window (s)') },
    y: band !== null ? zeroBandAxis(band, axisTitle(yTitle)) : { type: 'linear', min: 0, title: axisTitle(yTitle) }
  }
  const table = {
    header: ['variant', 'end of window (s)', valueName],
    rows: series.flatMap(({ variant, windows, toUnit }) => (windows === null ? [] : windows.values.map((v, i) => [variant, sOfNs((i + 1) * windows.windowNs), toUnit(v)])))
  }
  return withTable({ type: 'line', data: { datasets }, options }, table)
}
