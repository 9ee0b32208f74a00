// Validation of model.md §8.15: PREEMPT_RT (kernel.preemptRt). A kworker's work function runs under a local_lock_t
// or spinlock_t that on PREEMPT_RT is a sleeping lock with priority inheritance and IRQs on
// (include/linux/local_lock_internal.h, include/linux/spinlock_rt.h; 5.19 and 6.12): the woken FIFO task preempts
// it — unless its job takes that same lock, blocks on it and lends the kworker its priority until it is released.
// vmstat_update takes no such lock; drain_local_pages_wq (≤ 5.19) holds pagesets.lock, drain_local_stock the
// memcg stock's.
import { describe, expect, it } from 'vitest'
import type { ProfileInput } from '../../src-shared/profile/schema'
import { periodicTasks, profileOf, run } from './support/engine-profiles'

/** A 1 kHz task (300 µs jobs) on isolated CPU 3, work functions long enough to reach its next release. */
function cyclic(preemptRt: boolean, task: Record<string, unknown>, extra: Partial<ProfileInput> = {}, costs: Record<string, number> = {}) {
  return profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '3' },
    kernel: { preemptRt, antiStarvation: { policy: 'none' }, costs },
    rtTasks: periodicTasks([3], { runtimeUs: 300, initialPcpPages: 0, ...task }),
    housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0 },
    run: { durationMs: 3000, warmupMs: 100 },
    ...extra
  })
}

const onCpu3 = (r: ReturnType<typeof run>) => r.interference.find((i) => i.cpu === 3)?.bySourceNs

describe('§8.15 PREEMPT_RT', () => {
  it('vmstat_update holds no lock the task takes: on RT the task preempts it, without RT it waits for it', () => {
    // 900 µs of folding cannot fit in the 700 µs between a job's end and the next release
    const costs = { vmstatUpdateNs: 900_000 }
    const plain = run(cyclic(false, { dirtiesVmstat: true }, {}, costs), 'workqueue')
    const rt = run(cyclic(true, { dirtiesVmstat: true }, {}, costs), 'workqueue')
    expect(plain.flushes?.vmstat?.isolatedWorkItems).toBeGreaterThan(0)
    expect(onCpu3(plain)?.vmstat).toBeGreaterThan(0)
    expect(onCpu3(rt)?.vmstat).toBe(0)
    expect(rt.tasks[0].latencyNs.max).toBeLessThan(plain.tasks[0].latencyNs.max)
    // the preempted update resumes after the job and finishes
    expect(rt.flushes?.vmstat?.completed).toBe(rt.flushes?.vmstat?.requested)
  })

  it('workqueue drain of a task that allocates: on RT its job blocks on pagesets.lock and boosts the kworker, so the drain still delays it', () => {
    const drains: Partial<ProfileInput> = { drainSources: [{ kind: 'reclaim', ratePerSec: 100 }] }
    // a slow page free makes the kworker's drain of the task's list outlast the gap before the next release
    const costs = { tPageLocalNs: 20_000 }
    const plain = run(cyclic(false, { allocsPerJob: 8 }, drains, costs), 'workqueue')
    const rt = run(cyclic(true, { allocsPerJob: 8 }, drains, costs), 'workqueue')
    expect(onCpu3(plain)?.['drain-irqoff']).toBeGreaterThan(0)
    expect(onCpu3(rt)?.['drain-irqoff']).toBeGreaterThan(0)
  })

  it('memcg stock drain (6.1, which still queues it on isolated CPUs) of a task that charges: the same priority-inheritance wait on RT', () => {
    const memcg: Partial<ProfileInput> = { drainSources: [{ kind: 'memcg', ratePerSec: 100 }] }
    const rt = run(cyclic(true, { chargesMemcg: true }, memcg, { memcgDrainNs: 900_000 }), 'direct')
    expect(rt.flushes?.memcg?.isolatedWorkItems).toBeGreaterThan(0)
    expect(onCpu3(rt)?.['memcg-drain']).toBeGreaterThan(0)
  })

  it('the direct variants run no pcp drain work on the isolated CPU: RT changes nothing for a task without flush state', () => {
    const drains: Partial<ProfileInput> = { drainSources: [{ kind: 'reclaim', ratePerSec: 100 }] }
    for (const variant of ['direct', 'direct-irqon', 'direct-chunked'] as const) {
      expect(JSON.stringify(run(cyclic(true, { allocsPerJob: 8 }, drains), variant).tasks), variant).toBe(JSON.stringify(run(cyclic(false, { allocsPerJob: 8 }, drains), variant).tasks))
    }
  })
})
