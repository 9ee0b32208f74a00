// One call of a per-CPU flush (lru_add_drain_all(), lru_cache_disable(), a vmstat_shepherd() pass,
// drain_all_stock(), flush_all()) and its progress: the work items it queued that have not run yet.
import type { PerCpuFlush } from '../../../src-shared/kernel/per-cpu-flush'

export class FlushCall {
  /** work items queued and not yet finished */
  outstanding = 0
  /** lru_add_drain_all(): lru_drain_gen as the caller read it before taking the mutex */
  generation = 0

  constructor(
    readonly flush: PerCpuFlush,
    readonly requesterCpu: number,
    readonly requestNs: number,
    /**
     * lru: lru_cache_disable(), whose __lru_add_drain_all(force_all_cpus = true) never takes the generation
     * shortcut; vmstat: vmstat_refresh(), whose schedule_on_each_cpu() queues on every online CPU and waits
     */
    readonly forced: boolean,
    /** requested after the warm-up: its statistics count */
    readonly counted: boolean
  ) {}
}
