// A per-CPU flush's work function on one target CPU — lru_add_drain_per_cpu, vmstat_update,
// drain_local_stock, flush_cpu_slab — as a kworker runs it: the CPU's state is emptied, and the call is
// told when it returns.
import type { PerCpuFlush } from '../../../src-shared/kernel/per-cpu-flush'
import type { KernelCosts } from '../sim/sim-context'
import { SRC_LRU_DRAIN, SRC_MEMCG_DRAIN, SRC_SLAB_FLUSH, SRC_VMSTAT } from '../metrics/interference-source'
import { SEG_LRU_DRAIN, SEG_MEMCG_DRAIN, SEG_SLAB_FLUSH, SEG_VMSTAT_UPDATE } from '../metrics/timeline-kind-index'
import type { WorkHost, WorkItem } from '../sched/work-item'
import type { PerCpuFlushState } from './per-cpu-flush-state'

const SEGMENT: Record<PerCpuFlush, number> = { lru: SEG_LRU_DRAIN, vmstat: SEG_VMSTAT_UPDATE, memcg: SEG_MEMCG_DRAIN, slab: SEG_SLAB_FLUSH }
const SOURCE: Record<PerCpuFlush, number> = { lru: SRC_LRU_DRAIN, vmstat: SRC_VMSTAT, memcg: SRC_MEMCG_DRAIN, slab: SRC_SLAB_FLUSH }

/** How long `flush`'s work function runs on a CPU holding `state`, which it empties. */
export function flushWorkNs(flush: PerCpuFlush, state: PerCpuFlushState, costs: KernelCosts): number {
  const moved = state.take(flush)
  switch (flush) {
    case 'lru': return Math.round(costs.lruDrainNs + moved * costs.lruFolioNs)
    case 'vmstat': return Math.round(costs.vmstatUpdateNs)
    case 'memcg': return Math.round(costs.memcgDrainNs)
    case 'slab': return Math.round(costs.slabFlushNs)
  }
}

export class FlushWork implements WorkItem {
  readonly id = 0
  readonly segment: number
  readonly source: number
  readonly touchesPcp = false
  readonly lock: WorkItem['lock']

  constructor(readonly flush: PerCpuFlush, private readonly onDone: (now: number) => void) {
    this.segment = SEGMENT[flush]
    this.source = SOURCE[flush]
    this.lock = flush === 'vmstat' ? null : flush
  }

  execute(host: WorkHost, _cpu: number, _now: number): number {
    return flushWorkNs(this.flush, host.flushState, host.mm.costs)
  }

  finished(now: number): void {
    this.onDone(now)
  }
}
