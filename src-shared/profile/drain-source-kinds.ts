// The drain source kinds, and which call drain_all_pages() and which only a per-CPU flush. No zod here (schema.ts
// re-exports the kinds): the pool worker imports this module, and zod's schemas took it ~60 ms to load.
import type { PerCpuFlush } from '../kernel/per-cpu-flush'

/**
 * What a drain source calls. reclaim, cma, compaction, offline, once: drain_all_pages() (cma and offline then
 * lru_cache_disable(), as alloc_contig_range() and offline_pages() do); lru: lru_add_drain_all() (khugepaged,
 * compact_memory, fadvise DONTNEED); memcg: drain_all_stock() (a memcg at its limit); slab: flush_all()
 * (kmem_cache_shrink, cache destroy); stat-refresh: a read of /proc/sys/vm/stat_refresh (vmstat_refresh():
 * refresh_vm_stats on every online CPU). src-shared/kernel/per-cpu-flush.ts has the flushes.
 */
export const DRAIN_SOURCE_KINDS = ['reclaim', 'cma', 'compaction', 'offline', 'once', 'lru', 'memcg', 'slab', 'stat-refresh'] as const
export type DrainSourceKind = (typeof DRAIN_SOURCE_KINDS)[number]
/** The sources that call drain_all_pages(); the others call a per-CPU flush only. */
export const PCP_DRAIN_SOURCE_KINDS = ['reclaim', 'cma', 'compaction', 'offline', 'once'] as const
export type PcpDrainSourceKind = (typeof PCP_DRAIN_SOURCE_KINDS)[number]

export function isPcpDrainSource(kind: DrainSourceKind): kind is PcpDrainSourceKind {
  return (PCP_DRAIN_SOURCE_KINDS as readonly string[]).includes(kind)
}

/**
 * The flush-only source calls its flush on every online CPU whatever they hold (vmstat_refresh():
 * schedule_on_each_cpu()); flush/per-cpu-flushes.ts reads it as the call's `forced`, as it reads
 * lru_cache_disable()'s, which cma and offline call after their drain.
 */
export function forcesFlush(kind: DrainSourceKind): boolean {
  return kind === 'stat-refresh'
}

/**
 * The per-CPU flush a source calls, if any: lru, memcg, slab call theirs; cma and offline call lru_cache_disable()
 * after their drain_all_pages() (alloc_contig_range() → __alloc_contig_migrate_range(), offline_pages() after
 * zone_pcp_disable(), in 5.19 to 6.12); stat-refresh runs the vmstat fold on every CPU.
 */
export function flushOfSource(kind: DrainSourceKind): PerCpuFlush | null {
  switch (kind) {
    case 'lru':
    case 'cma':
    case 'offline': return 'lru'
    case 'memcg': return 'memcg'
    case 'stat-refresh': return 'vmstat'
    case 'slab': return 'slab'
    default: return null
  }
}
