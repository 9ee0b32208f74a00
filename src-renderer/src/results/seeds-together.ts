// A distribution over several seeds read as one sample set: counts add, min and max are the exact extremes,
// the mean is weighted by count, and percentiles come from the seeds' HDR histograms added together,
// clamped into [min, max] as the engine clamps its own.
import { mergeHdr } from '@shared/results/hdr-decode'
import type { DistributionNs } from '@shared/results/types'

export interface SeedsTogether {
  count: number
  min: number
  mean: number
  p50: number
  p99: number
  max: number
}

export function seedsTogether(dists: readonly DistributionNs[]): SeedsTogether {
  if (dists.length === 1) {
    const d = dists[0]
    return { count: d.count, min: d.min, mean: d.mean, p50: d.p50, p99: d.p99, max: d.max }
  }
  const recorded = dists.filter((d) => d.count > 0)
  const merged = mergeHdr(recorded.map((d) => d.hdr))
  if (merged === null || recorded.length === 0) return { count: 0, min: 0, mean: 0, p50: 0, p99: 0, max: 0 }
  const count = recorded.reduce((n, d) => n + d.count, 0)
  const min = Math.min(...recorded.map((d) => d.min))
  const max = Math.max(...recorded.map((d) => d.max))
  const at = (p: number) => Math.min(max, Math.max(min, merged.getValueAtPercentile(p)))
  return { count, min, mean: recorded.reduce((sum, d) => sum + d.mean * d.count, 0) / count, p50: at(50), p99: at(99), max }
}
