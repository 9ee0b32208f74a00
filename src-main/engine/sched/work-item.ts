// A work item a CPU's kworker runs: drain_local_pages_wq for a drain_all_pages() call, or a per-CPU
// flush's work function (flush/). The kworker takes them in queue order — mm_percpu_wq, system_wq and
// flushwq work items on a CPU all go to its per-CPU worker pool — with one wake and one switch-out for
// a run of them; each work function runs with preemption or IRQs off (local_lock / spin_lock_irqsave).
import type { PageAllocator } from '../mm/page-allocator'
import type { ZoneLockHold } from '../mm/zone-lock-hold'
import type { ZoneMm } from '../mm/zone-mm'
import type { SimContext } from '../sim/sim-context'
import type { PerCpuFlushState } from '../flush/per-cpu-flush-state'

/** What a work function finds on the CPU that runs it. */
export interface WorkHost {
  readonly mm: SimContext & PageAllocator
  /** every zone whose pcplists run, as drain_pages() walks them (ZONE_NORMAL last) */
  readonly zones: readonly ZoneMm[]
  readonly zoneLock: ZoneLockHold
  readonly flushState: PerCpuFlushState
}

export interface WorkItem {
  /** the drain_all_pages() call it works for (DrainRun.id), 0 for a flush: the timeline links by it */
  readonly id: number
  /** the timeline kind of its work function (timeline-kind-index.ts) */
  readonly segment: number
  /** what a realtime task kept off the CPU by it is charged to (interference-source.ts) */
  readonly source: number
  /** it reads or changes the CPU's pcplists: the owner's bursts before it must be applied first */
  readonly touchesPcp: boolean
  /**
   * The per-CPU lock its function holds (pagesets.lock for the ≤ 5.19 pcp drain, cpu_fbatches.lock, the memcg
   * stock's and the CPU slab's local locks; none for vmstat_update): on PREEMPT_RT a realtime task whose job
   * takes the same lock waits for it with priority inheritance instead of preempting the kworker.
   */
  readonly lock: 'pcp' | 'lru' | 'memcg' | 'slab' | null
  /** Runs the work function on `cpu` from `now`; returns how long it runs. */
  execute(host: WorkHost, cpu: number, now: number): number
  /** The work function returned: whoever waits for it (flush_work()) is told. */
  finished(now: number): void
}
