// The percentiles a person reads off a distribution, as a table: 0, 10 … 90, then ten steps per further nine
// (91 … 99, 99.1 … 99.9, 99.91 …) as far as the sample count supports, and the maximum as 100. Each
// percentile is an exact decimal (99.9, not 99.9000000001 or the nines axis's 99.8877981546), so a CSV row
// reads as the percentile it is; values are those of DistributionNs's p50/p99 (getValueAtPercentile of the
// HDR histogram, clamped into the exact [min, max]), and 0 and 100 are the exact min and max.
import type { Histogram } from 'hdr-histogram-js'
import type { DistributionNs } from './types'

export interface PercentileValue {
  percentile: number
  valueNs: number
}

/** The exact smallest and largest value of several distributions (the HDR histogram rounds to 3 digits). */
export function exactRange(dists: readonly DistributionNs[]): { minNs: number; maxNs: number } {
  const recorded = dists.filter((d) => d.count > 0)
  return { minNs: Math.min(...recorded.map((d) => d.min)), maxNs: Math.max(...recorded.map((d) => d.max)) }
}

/**
 * `h` holds the samples, `range` their exact bounds. Rung j of nine n (n >= 1) is 100 - j·10^(1-n) %,
 * j = 9 … 1: it leaves j·10^-(n+1) of the samples above it, so the count supports it while j·count >= 10^(n+1).
 */
export function percentileLadder(h: Histogram, range: { minNs: number; maxNs: number }): PercentileValue[] {
  const count = h.totalCount
  if (count === 0) return []
  const percentiles: number[] = [10, 20, 30, 40, 50, 60, 70, 80, 90]
  for (let n = 1; 10 ** (n + 1) <= 9 * count; n++) {
    for (let j = 9; j >= 1 && j * count >= 10 ** (n + 1); j--) percentiles.push(Number((100 - j * 10 ** (1 - n)).toFixed(n - 1)))
  }
  const clamp = (ns: number) => Math.min(Math.max(ns, range.minNs), range.maxNs)
  return [
    { percentile: 0, valueNs: range.minNs },
    ...percentiles.map((p) => ({ percentile: p, valueNs: clamp(h.getValueAtPercentile(p)) })),
    { percentile: 100, valueNs: range.maxNs }
  ]
}
