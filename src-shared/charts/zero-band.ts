// Zeros on a log axis: log(0) does not exist, so Chart.js drops them without a word (a percentile curve that
// starts at the 95th percentile, zero-time drains gone or clamped to 1 ns). The lab draws them on the axis's
// bottom line, labelled 0, a decade below the smallest non-zero value; each such point keeps its true value for
// the tooltip, and the chart's subtitle says how many there are. The axis ends at the decades around the data.

export interface ZeroBand {
  /** the axis minimum; with zeros, a decade below the data, where they are drawn, labelled 0 */
  min: number
  max: number
  zeros: boolean
}

/** The band and axis range for values in µs (zeros included); one decade, 1–10 µs, when there are none. */
export function zeroBand(values: readonly number[]): ZeroBand {
  const positive = values.filter((v) => v > 0)
  const zeros = positive.length < values.length
  if (positive.length === 0) return { min: zeros ? 0.1 : 1, max: 10, zeros }
  const lowest = 10 ** Math.floor(Math.log10(Math.min(...positive)))
  const highest = 10 ** Math.ceil(Math.log10(Math.max(...positive)))
  return { min: zeros ? lowest / 10 : lowest, max: Math.max(highest, lowest * 10), zeros }
}

/** A point of a log-y chart; a zero is drawn on the band and carries its real `value` for the tooltip. */
export function onBand(x: number, value: number, band: ZeroBand): { x: number; y: number; value?: number } {
  return value > 0 ? { x, y: value } : { x, y: band.min, value }
}

/** The y axis of a chart with a zero band: decades labelled, the bottom line labelled 0 when zeros are drawn on it. */
export function zeroBandAxis(band: ZeroBand, title: { display: true; text: string }) {
  const decade = (v: number) => Number.isInteger(Math.round(Math.log10(v) * 1e6) / 1e6)
  return {
    type: 'logarithmic' as const,
    min: band.min,
    max: band.max,
    title,
    ticks: {
      // the scale's own minimum, not the band's: Compare lowers it to the other run's floor
      callback: band.zeros
        ? function (this: { min: number }, value: number | string) {
          const v = Number(value)
          if (Math.abs(v - this.min) < this.min * 1e-9) return '0'
          return decade(v) ? v.toLocaleString('en-US') : ''
        }
        : (value: number | string) => (decade(Number(value)) ? Number(value).toLocaleString('en-US') : '')
    }
  }
}

/** "95 % of samples are 0 µs": a share in 3 significant digits, never rounded up to 100 % or down to 0 %. */
export function zeroShare(zeros: number, total: number): string {
  const pct = (100 * zeros) / total
  const text = pct >= 99.95 && zeros < total ? '>99.9' : pct < 0.1 ? '<0.1' : String(Number(pct.toPrecision(3)))
  return `${text} %`
}

/** One subtitle line per share of zeros, naming the variants that have it: "95 % of samples are 0 µs (direct, workqueue)". */
export function zeroNotes(noun: string, counts: ReadonlyArray<{ variant: string; zeros: number; total: number }>, where = 'drawn on the bottom line, labelled 0'): string[] {
  const byShare = new Map<string, string[]>()
  for (const c of counts) {
    if (c.zeros === 0 || c.total === 0) continue
    const share = zeroShare(c.zeros, c.total)
    byShare.set(share, [...(byShare.get(share) ?? []), c.variant])
  }
  return [...byShare].map(([share, variants]) => `${share} of ${noun} are 0 µs (${variants.join(', ')}): ${where}`)
}

/** How many recorded values are exactly 0. */
export function zerosOf(values: ReadonlyArray<{ valueNs: number; count: number }>): number {
  return values.filter((v) => v.valueNs === 0).reduce((a, v) => a + v.count, 0)
}
