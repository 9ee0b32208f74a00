// workqueue (≤ 5.19): __drain_all_pages() queues drain_local_pages_wq on every target with
// queue_work_on(cpu, mm_percpu_wq, …) and waits for each with flush_work(). Each target's kworker
// drains its own lists with IRQs off. The owner fast path uses local_lock_irqsave: no atomic, no
// remote contention.
import type { CpuModel } from '../sched/cpu-model'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'

export class WorkqueueDrain implements DrainStrategy {
  /** `cpus`: every CPU of the machine, by cpu number */
  constructor(private readonly cpus: readonly CpuModel[]) {}

  start(run: DrainRun, now: number): boolean {
    run.outstanding = run.targets.length
    if (run.outstanding === 0) return true
    for (const cpu of run.targets) this.cpus[cpu].queueWork(run, now)
    return false
  }
}
