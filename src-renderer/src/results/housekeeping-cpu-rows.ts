// The Results view's per-housekeeping-CPU table (model.md §6: fast-path latency and zone->lock wait per
// housekeeping CPU): one row per CPU for one variant and sweep point, all its seeds together, so a CPU
// that allocates faster or loses the pcp->lock trylock more often stands out from the aggregate.
import { runsByVariant, type ChartBuildOptions } from '@shared/charts/select-jobs'
import { mergeHdr } from '@shared/results/hdr-decode'
import type { Variant } from '@shared/profile/schema'
import type { DistributionNs, ExperimentResults, HousekeepingCpuResult } from '@shared/results/types'

export interface HousekeepingCpuRow {
  cpu: number
  fastPath: PercentilesNs
  zoneLockWait: PercentilesNs
  /** mean per seed */
  fallbacks: number
  /** mean per seed */
  overheadNs: number
}

export interface PercentilesNs {
  count: number
  p50: number
  p99: number
  max: number
}

/** The variants whose runs at this sweep point carry housekeeping.perCpu (documents saved before it have none). */
export function variantsWithHousekeepingCpus(results: ExperimentResults, opts: ChartBuildOptions): Variant[] {
  return runsByVariant(results, opts).filter((v) => v.runs.some((r) => r.housekeeping.perCpu !== undefined)).map((v) => v.variant)
}

/** One seed's figures as saved; several seeds' histograms added, percentiles clamped into the exact [min, max] as the engine does. */
function percentiles(dists: DistributionNs[]): PercentilesNs {
  if (dists.length === 1) return { count: dists[0].count, p50: dists[0].p50, p99: dists[0].p99, max: dists[0].max }
  const recorded = dists.filter((d) => d.count > 0)
  const merged = mergeHdr(recorded.map((d) => d.hdr))
  if (merged === null || recorded.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 }
  const min = Math.min(...recorded.map((d) => d.min))
  const max = Math.max(...recorded.map((d) => d.max))
  const at = (p: number) => Math.min(max, Math.max(min, merged.getValueAtPercentile(p)))
  return { count: recorded.reduce((n, d) => n + d.count, 0), p50: at(50), p99: at(99), max }
}

export function housekeepingCpuRows(results: ExperimentResults, variant: Variant, opts: ChartBuildOptions): HousekeepingCpuRow[] {
  const runs = runsByVariant(results, opts).find((v) => v.variant === variant)?.runs ?? []
  const byCpu = new Map<number, HousekeepingCpuResult[]>()
  for (const run of runs) {
    for (const c of run.housekeeping.perCpu ?? []) byCpu.set(c.cpu, [...(byCpu.get(c.cpu) ?? []), c])
  }
  return [...byCpu.entries()].sort(([a], [b]) => a - b).map(([cpu, entries]) => ({
    cpu,
    fastPath: percentiles(entries.map((e) => e.allocFastPathNs)),
    zoneLockWait: percentiles(entries.map((e) => e.zoneLockWaitNs)),
    fallbacks: entries.reduce((n, e) => n + e.fallbacks, 0) / entries.length,
    overheadNs: entries.reduce((n, e) => n + e.fastPathOverheadNs, 0) / entries.length
  }))
}
