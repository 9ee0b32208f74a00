// workqueue (≤ 5.19): __drain_all_pages() queues drain_local_pages_wq on every target with
// queue_work_on(cpu, mm_percpu_wq, …) and waits for each with flush_work(). Each target's kworker
// drains its own lists with IRQs off. The owner fast path uses local_lock_irqsave: no atomic, no
// remote contention.
import type { Profile } from '../../../src-shared/profile/schema'
import type { HousekeepingKworkers } from '../sched/housekeeping-kworker'
import type { IsolatedCpu } from '../sched/isolated-cpu'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'

export class WorkqueueDrain implements DrainStrategy {
  constructor(
    private readonly isolatedByCpu: ReadonlyArray<IsolatedCpu | undefined>,
    private readonly hkKworkers: HousekeepingKworkers,
    private readonly ipiOnQueue: Profile['kernel']['ipiOnQueue'],
    private readonly llcShared: boolean
  ) {}

  start(run: DrainRun, now: number): boolean {
    run.outstanding = run.targets.length
    if (run.outstanding === 0) return true
    for (const cpu of run.targets) {
      const iso = this.isolatedByCpu[cpu]
      if (iso !== undefined) iso.queueWork(run, now, this.ipiOnQueue, this.llcShared)
      else this.hkKworkers.queueWork(run, cpu, now)
    }
    return false
  }

  /** The work items report back through the run's waiter (flush_work): no requester-side steps. */
  step(): boolean {
    return false
  }
}
