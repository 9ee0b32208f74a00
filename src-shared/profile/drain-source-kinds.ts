// Which drain sources call drain_all_pages() and which only a per-CPU flush (schema.ts DRAIN_SOURCE_KINDS).
import { PCP_DRAIN_SOURCE_KINDS, type DrainSourceKind, type PcpDrainSourceKind } from './schema'
import type { PerCpuFlush } from '../kernel/per-cpu-flush'

export function isPcpDrainSource(kind: DrainSourceKind): kind is PcpDrainSourceKind {
  return (PCP_DRAIN_SOURCE_KINDS as readonly string[]).includes(kind)
}

/**
 * The per-CPU flush a source calls, if any: lru, memcg, slab call theirs; cma and offline call lru_cache_disable()
 * after their drain_all_pages() (alloc_contig_range() → __alloc_contig_migrate_range(), offline_pages() after
 * zone_pcp_disable(), in 5.19 to 6.12); stat-refresh runs the vmstat fold on every CPU.
 */
/**
 * The flush-only source calls its flush on every online CPU whatever they hold (vmstat_refresh():
 * schedule_on_each_cpu()); flush/per-cpu-flushes.ts reads it as the call's `forced`, as it reads
 * lru_cache_disable()'s, which cma and offline call after their drain.
 */
export function forcesFlush(kind: DrainSourceKind): boolean {
  return kind === 'stat-refresh'
}

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
