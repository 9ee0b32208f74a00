// The per-CPU state that makes a CPU the target of a per-CPU flush (docs/model.md §10.2): folios in its
// LRU batches (cpu_needs_drain()), unfolded vmstat differentials (need_update()), a memcg charge stock
// (obj_stock_flush_required() / memcg_stock), a CPU slab (has_cpu_slab()). An isolated CPU holds what its
// realtime task's jobs leave (rtTasks[].lruFoliosPerJob, dirtiesVmstat, chargesMemcg, allocatesSlab) and
// nothing without a task; a housekeeping CPU, busy with the load, always holds each (half a batch of folios).
import type { PerCpuFlush } from '../../../src-shared/kernel/per-cpu-flush'

/** What a CPU's jobs leave behind, per job. */
export interface PerCpuStateSource {
  readonly lruFoliosPerJob: number
  readonly dirtiesVmstat: boolean
  readonly chargesMemcg: boolean
  readonly allocatesSlab: boolean
}

/** A housekeeping CPU's state: every kind, always. */
export const HOUSEKEEPING_STATE = 'housekeeping'

export class PerCpuFlushState {
  /** folios in the CPU's LRU batches, fewer than a batch: a full batch is moved to the LRU inline */
  private lruFolios = 0
  private vmstatDiffs = false
  private memcgStock = false
  private cpuSlab = false

  /** `source`: what its task's jobs leave, null for an isolated CPU without a task, or a housekeeping CPU's state */
  constructor(private readonly source: PerCpuStateSource | null | typeof HOUSEKEEPING_STATE, private readonly lruBatchFolios: number) {}

  /** `jobs` jobs ran on the CPU: folio_batch_add_and_move() per folio, moving a full batch at once. */
  jobsRan(jobs: number): void {
    const s = this.source
    if (s === null || s === HOUSEKEEPING_STATE || jobs === 0) return
    // each batch that fills moves to the LRU inline, so what stays is the remainder
    if (s.lruFoliosPerJob > 0) this.lruFolios = (this.lruFolios + (jobs % this.lruBatchFolios) * (s.lruFoliosPerJob % this.lruBatchFolios)) % this.lruBatchFolios
    // a faulted folio moves NR_ANON_MAPPED and the LRU sizes (vm_node_stat_diff) too
    if (s.dirtiesVmstat || s.lruFoliosPerJob > 0) this.vmstatDiffs = true
    if (s.chargesMemcg) this.memcgStock = true
    if (s.allocatesSlab) this.cpuSlab = true
  }

  /** The CPU holds state the flush would act on. */
  holds(flush: PerCpuFlush): boolean {
    if (this.source === HOUSEKEEPING_STATE) return true
    switch (flush) {
      case 'lru': return this.lruFolios > 0
      case 'vmstat': return this.vmstatDiffs
      case 'memcg': return this.memcgStock
      case 'slab': return this.cpuSlab
    }
  }

  /** The flush's work function empties the state; returns the folios it moved (lru), else 0. */
  take(flush: PerCpuFlush): number {
    if (this.source === HOUSEKEEPING_STATE) return flush === 'lru' ? Math.floor(this.lruBatchFolios / 2) : 0
    switch (flush) {
      case 'lru': {
        const folios = this.lruFolios
        this.lruFolios = 0
        return folios
      }
      case 'vmstat': this.vmstatDiffs = false; return 0
      case 'memcg': this.memcgStock = false; return 0
      case 'slab': this.cpuSlab = false; return 0
    }
  }
}
