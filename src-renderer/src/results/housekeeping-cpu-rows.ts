// The Results view's per-housekeeping-CPU table (model.md §6: fast-path latency and zone->lock wait per
// housekeeping CPU): one row per CPU for one variant and sweep point, all its seeds together, so a CPU
// that allocates faster or loses the pcp->lock trylock more often stands out from the aggregate.
import { runsByVariant, type ChartBuildOptions } from '@shared/charts/select-jobs'
import type { Variant } from '@shared/profile/schema'
import type { ExperimentResults, HousekeepingCpuResult } from '@shared/results/types'
import { seedsTogether, type SeedsTogether } from './seeds-together'

export interface HousekeepingCpuRow {
  cpu: number
  fastPath: SeedsTogether
  zoneLockWait: SeedsTogether
  /** mean per seed */
  fallbacks: number
  /** mean per seed */
  overheadNs: number
}

/** The variants whose runs at this sweep point carry housekeeping.perCpu (documents saved before it have none). */
export function variantsWithHousekeepingCpus(results: ExperimentResults, opts: ChartBuildOptions): Variant[] {
  return runsByVariant(results, opts).filter((v) => v.runs.some((r) => r.housekeeping.perCpu !== undefined)).map((v) => v.variant)
}

export function housekeepingCpuRows(results: ExperimentResults, variant: Variant, opts: ChartBuildOptions): HousekeepingCpuRow[] {
  const runs = runsByVariant(results, opts).find((v) => v.variant === variant)?.runs ?? []
  const byCpu = new Map<number, HousekeepingCpuResult[]>()
  for (const run of runs) {
    for (const c of run.housekeeping.perCpu ?? []) byCpu.set(c.cpu, [...(byCpu.get(c.cpu) ?? []), c])
  }
  return [...byCpu.entries()].sort(([a], [b]) => a - b).map(([cpu, entries]) => ({
    cpu,
    fastPath: seedsTogether(entries.map((e) => e.allocFastPathNs)),
    zoneLockWait: seedsTogether(entries.map((e) => e.zoneLockWaitNs)),
    fallbacks: entries.reduce((n, e) => n + e.fallbacks, 0) / entries.length,
    overheadNs: entries.reduce((n, e) => n + e.fastPathOverheadNs, 0) / entries.length
  }))
}
