// workqueue (≤ 5.19): __drain_all_pages() queues drain_local_pages_wq on every target with
// queue_work_on(cpu, mm_percpu_wq, …) and waits for each with flush_work(). Each target's kworker
// drains its own lists with IRQs off. The owner fast path uses local_lock_irqsave: no atomic, no
// remote contention.
import type { Simulation } from '../simulation'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'

export class WorkqueueDrain implements DrainStrategy {
  readonly variant = 'workqueue' as const
  readonly ownerLocking = 'local-lock' as const
  readonly listFreeSpins = false

  constructor(private readonly sim: Simulation) {}

  start(run: DrainRun, now: number): void {
    const sim = this.sim
    run.outstanding = run.targets.length
    if (run.outstanding === 0) {
      sim.drains.complete(run, now)
      return
    }
    for (const cpu of run.targets) {
      const iso = sim.isolatedByCpu[cpu]
      if (iso !== undefined) iso.queueWork(run, now, sim.ipiOnQueue, sim.llcShared)
      else sim.hkKworkers.queueWork(run, cpu, now)
    }
  }

  step(): void {
    throw new Error('the workqueue drain has no requester-side steps')
  }
}
