// The per-CPU flushes other than the pcplist drain that still queue work on every CPU holding per-CPU
// state (docs/model.md §10): which kernel function each models, who calls it, and whether the caller
// waits. The kernel's own names; the engine (src-main/engine/flush) and the UI read them from here.

export const PER_CPU_FLUSHES = ['lru', 'vmstat', 'memcg', 'slab'] as const
export type PerCpuFlush = (typeof PER_CPU_FLUSHES)[number]

export interface PerCpuFlushInfo {
  /** the function that queues the work, as the kernel names it */
  readonly caller: string
  /** the work function that runs on each target CPU */
  readonly work: string
  /** what the target CPU holds that makes it a target */
  readonly state: string
  /** the caller waits for every work item (flush_work) — false: it queues and returns */
  readonly waits: boolean
  /** short label for tables and legends */
  readonly label: string
}

export const PER_CPU_FLUSH_INFO: Readonly<Record<PerCpuFlush, PerCpuFlushInfo>> = {
  // mm/swap.c: __lru_add_drain_all() queues lru_add_drain_per_cpu on every CPU for which cpu_needs_drain()
  // (non-empty folio batches) and flush_work()s each, under its own mutex
  lru: { caller: 'lru_add_drain_all()', work: 'lru_add_drain_per_cpu', state: 'folios in the CPU\'s LRU batches', waits: true, label: 'LRU drain' },
  // mm/vmstat.c: vmstat_shepherd() queues vmstat_update on each CPU whose differentials need folding, once per
  // sysctl_stat_interval (1 s); nobody waits for it
  vmstat: { caller: 'vmstat_shepherd()', work: 'vmstat_update', state: 'unfolded vmstat differentials', waits: false, label: 'vmstat update' },
  // mm/memcontrol.c: drain_all_stock() schedules drain_local_stock on each CPU caching charges of the memcg
  // (mutex_trylock: a second caller returns at once) and does not wait
  memcg: { caller: 'drain_all_stock()', work: 'drain_local_stock', state: 'a memcg charge stock', waits: false, label: 'memcg stock drain' },
  // mm/slub.c: flush_all_cpus_locked() queues flush_cpu_slab on each CPU with a CPU slab of the cache and
  // flush_work()s each, under flush_lock
  slab: { caller: 'flush_all()', work: 'flush_cpu_slab', state: 'a CPU slab of the cache', waits: true, label: 'SLUB flush' }
}
