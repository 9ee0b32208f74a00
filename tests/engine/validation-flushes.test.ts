// Validation of model.md §8.14: the per-CPU flushes other than the pcplist drain. Each expectation follows from
// the kernel functions (mm/swap.c __lru_add_drain_all, mm/vmstat.c vmstat_shepherd, mm/memcontrol.c
// drain_all_stock, mm/slub.c flush_all_cpus_locked) per release and from the profile, not from earlier output.
import { describe, expect, it } from 'vitest'
import type { ProfileInput, Variant } from '../../src-shared/profile/schema'
import { VARIANTS } from '../../src-shared/profile/schema'
import { PerCpuFlushState } from '../../src-main/engine/flush/per-cpu-flush-state'
import { periodicTasks, pollingTasks, profileOf, run } from './support/engine-profiles'

type Task = NonNullable<ProfileInput['rtTasks']>[number]

/** 4 CPUs, 2 and 3 isolated; 3 s with 100 ms warm-up; drain sources as given. */
function flushProfile(tasks: Task[], drainSources: NonNullable<ProfileInput['drainSources']>, kernel: ProfileInput['kernel'] = {}) {
  return profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '2-3' },
    kernel: { antiStarvation: { policy: 'none' }, ...kernel },
    rtTasks: tasks,
    drainSources,
    run: { durationMs: 3000, warmupMs: 100 }
  })
}

const interferenceOn = (result: ReturnType<typeof run>, cpu: number) => result.interference.find((i) => i.cpu === cpu)?.bySourceNs

describe('§8.14 per-CPU flushes', () => {
  it('folio batches: a full batch moves to the LRU inline, so a CPU holds the remainder (PAGEVEC_SIZE 15 to 6.8, 31 from 6.10)', () => {
    const state = new PerCpuFlushState({ lruFoliosPerJob: 4, dirtiesVmstat: false, chargesMemcg: false, allocatesSlab: false }, 15)
    state.jobsRan(3)
    expect(state.take('lru')).toBe(12)
    state.jobsRan(4)
    // 16 folios: the 15th filled the batch and moved it; one stays
    expect(state.take('lru')).toBe(1)
    state.jobsRan(15)
    expect(state.holds('lru')).toBe(false)
    const wide = new PerCpuFlushState({ lruFoliosPerJob: 4, dirtiesVmstat: false, chargesMemcg: false, allocatesSlab: false }, 31)
    wide.jobsRan(4)
    expect(wide.take('lru')).toBe(16)
  })

  it('lru_add_drain_all() queues work only on CPUs with folios in their batches, on every release: a task that leaves none is never a target', () => {
    for (const variant of VARIANTS) {
      const clean = run(flushProfile(periodicTasks([2, 3]), [{ kind: 'lru', ratePerSec: 20 }]), variant)
      expect(clean.flushes?.lru?.isolatedWorkItems, variant).toBe(0)
      expect(clean.flushes?.lru?.housekeepingWorkItems, variant).toBeGreaterThan(0)
      const faulting = run(flushProfile(periodicTasks([2, 3], { lruFoliosPerJob: 2 }), [{ kind: 'lru', ratePerSec: 20 }]), variant)
      expect(faulting.flushes?.lru?.isolatedWorkItems, variant).toBeGreaterThan(0)
      expect(faulting.flushes?.lru?.stalled, variant).toBe(0)
    }
  })

  it('a polling task that leaves folios starves the LRU flush under policy none on every release (the pcp drain is remote from 6.0, this is not): the caller waits to the end', () => {
    for (const variant of VARIANTS) {
      const r = run(flushProfile(pollingTasks([2], { lruFoliosPerJob: 1 }), [{ kind: 'lru', ratePerSec: 5 }]), variant)
      const lru = r.flushes?.lru
      // the first call waits for the polling CPU's work item to the end, every later one for the mutex behind it
      expect(lru?.completed, variant).toBe(0)
      expect(lru?.stalled, variant).toBe(lru?.requested)
      expect(lru?.oldestPendingNs, variant).toBeGreaterThan(2e9)
      expect(interferenceOn(r, 2)?.['lru-drain'], variant).toBe(0)
    }
  })

  it('cma calls lru_cache_disable() after its drain_all_pages(): with a polling task holding folios the drain completes under direct but the CMA allocation still hangs on the LRU flush', () => {
    const profile = flushProfile(pollingTasks([2], { lruFoliosPerJob: 1, initialPcpPages: 200 }), [{ kind: 'cma', ratePerSec: 5 }])
    const wq = run(profile, 'workqueue')
    expect(wq.drains.completed).toBe(0)
    expect(wq.drains.stalled).toBe(wq.drains.requested)
    // the drain never returned, so lru_cache_disable() was never called
    expect(wq.flushes?.lru).toBeUndefined()
    const direct = run(profile, 'direct-irqon')
    expect(direct.drains.stalled).toBe(0)
    expect(direct.flushes?.lru?.requested).toBeGreaterThan(0)
    expect(direct.flushes?.lru?.stalled).toBeGreaterThan(0)
    expect(direct.flushes?.lru?.oldestPendingNs).toBeGreaterThan(2e9)
  })

  it('pw_queue_on() (kernel.pwLocks): the LRU and SLUB flushes run remotely — nothing queued on an isolated CPU, nothing stalled', () => {
    const sources = [{ kind: 'lru' as const, ratePerSec: 5 }, { kind: 'slab' as const, ratePerSec: 5 }]
    const r = run(flushProfile(pollingTasks([2], { lruFoliosPerJob: 1, allocatesSlab: true }), sources, { pwLocks: true }), 'direct-chunked')
    for (const flush of ['lru', 'slab'] as const) {
      expect(r.flushes?.[flush]?.isolatedWorkItems, flush).toBe(0)
      expect(r.flushes?.[flush]?.housekeepingWorkItems, flush).toBe(0)
      expect(r.flushes?.[flush]?.remoteFlushes, flush).toBeGreaterThan(0)
      expect(r.flushes?.[flush]?.stalled, flush).toBe(0)
    }
  })

  it('vmstat_shepherd() and drain_all_stock() pass over isolated CPUs from 6.4/6.5 (the 6.6 and 6.12 variants), not on 5.19 or 6.1', () => {
    const tasks = periodicTasks([2, 3], { dirtiesVmstat: true, chargesMemcg: true })
    const profile = flushProfile(tasks, [{ kind: 'memcg', ratePerSec: 20 }])
    const expectSkip: Record<Variant, boolean> = { workqueue: false, direct: false, 'direct-irqon': true, 'direct-chunked': true }
    for (const variant of VARIANTS) {
      const r = run(profile, variant)
      for (const flush of ['vmstat', 'memcg'] as const) {
        const stats = r.flushes?.[flush]
        if (expectSkip[variant]) {
          expect(stats?.isolatedWorkItems, `${variant} ${flush}`).toBe(0)
          // every shepherd pass passes both CPUs over; drain_all_stock() once each, maybe in the warm-up
          if (flush === 'vmstat') expect(stats?.isolatedSkipped, `${variant} ${flush}`).toBe(2 * (stats?.requested ?? 0))
          else expect(stats?.isolatedSkipped, `${variant} ${flush}`).toBeLessThanOrEqual(2)
        } else {
          expect(stats?.isolatedWorkItems, `${variant} ${flush}`).toBeGreaterThan(0)
          expect(stats?.isolatedSkipped, `${variant} ${flush}`).toBe(0)
        }
      }
    }
  })

  it('the shepherd queues vmstat_update once per second per dirty CPU, and not again while one is pending', () => {
    const r = run(flushProfile(periodicTasks([2, 3], { dirtiesVmstat: true }), []), 'workqueue')
    const vmstat = r.flushes?.vmstat
    // passes after the 100 ms warm-up in 3 s: 2 or 3 depending on the shepherd's phase
    expect(vmstat?.requested).toBeGreaterThanOrEqual(2)
    expect(vmstat?.requested).toBeLessThanOrEqual(3)
    // each pass: both isolated CPUs (their tasks dirty the counters every job) and both housekeeping CPUs
    expect(vmstat?.isolatedWorkItems).toBe(2 * (vmstat?.requested ?? 0))
    expect(vmstat?.housekeepingWorkItems).toBe(2 * (vmstat?.requested ?? 0))
  })

  it('lru_add_drain_all() callers that waited behind a drain started after them return at once (lru_drain_gen); thousands waiting hand the mutex on without a stack overflow', () => {
    // a throttled poller stalls each holder until its RT-throttling window; 20 000 calls/s pile up behind it
    const profile = profileOf({
      schemaVersion: 1,
      machine: { cpus: 4, isolated: '2-3' },
      kernel: { antiStarvation: { policy: 'rt-throttling' } },
      rtTasks: pollingTasks([2], { lruFoliosPerJob: 1 }),
      drainSources: [{ kind: 'lru', ratePerSec: 20_000 }],
      run: { durationMs: 2500, warmupMs: 100 }
    })
    for (const variant of ['workqueue', 'direct-chunked'] as const) {
      const lru = run(profile, variant).flushes?.lru
      expect(lru?.skipped, variant).toBeGreaterThan(1000)
      expect(lru?.completed, variant).toBeGreaterThan(0)
      expect((lru?.completed ?? 0) + (lru?.skipped ?? 0) + (lru?.stalled ?? 0), variant).toBe(lru?.requested)
    }
  })

  it('lru_cache_disable() (cma) never takes the generation shortcut: every call drains', () => {
    const r = run(flushProfile(periodicTasks([2, 3], { lruFoliosPerJob: 2 }), [{ kind: 'cma', ratePerSec: 200 }, { kind: 'lru', ratePerSec: 200 }]), 'direct-irqon')
    const lru = r.flushes?.lru
    expect((lru?.completed ?? 0) + (lru?.skipped ?? 0) + (lru?.stalled ?? 0)).toBe(lru?.requested)
    // every drain_all_pages() of the cma source that returned was followed by a draining lru_cache_disable()
    expect((lru?.completed ?? 0) + (lru?.stalled ?? 0)).toBeGreaterThanOrEqual(r.drains.bySource.cma?.completed ?? Infinity)
  })

  it('offline calls lru_cache_disable() after its forced drain too', () => {
    const r = run(flushProfile(periodicTasks([2], { lruFoliosPerJob: 2 }), [{ kind: 'offline', ratePerSec: 20 }]), 'direct')
    expect(r.drains.bySource.offline?.completed).toBeGreaterThan(0)
    expect(r.flushes?.lru?.requested).toBe(r.drains.bySource.offline?.completed)
  })

  it('flush_all() holds flush_lock while it waits: behind a polling loop\'s CPU slab every later call waits too', () => {
    const r = run(flushProfile(pollingTasks([2], { allocatesSlab: true }), [{ kind: 'slab', ratePerSec: 5 }]), 'direct-chunked')
    expect(r.flushes?.slab?.completed).toBe(0)
    expect(r.flushes?.slab?.stalled).toBe(r.flushes?.slab?.requested)
  })

  it('drain_all_stock() does not queue a second drain_local_stock while one is pending (FLUSHING_CACHED_CHARGE); from 6.4 it passes an isolated CPU over once and never again', () => {
    const profile = flushProfile(pollingTasks([2], { chargesMemcg: true }), [{ kind: 'memcg', ratePerSec: 20 }])
    const v61 = run(profile, 'direct').flushes?.memcg
    expect(v61?.requested).toBeGreaterThan(10)
    // the polling loop never lets the first item run: no second one is queued behind it
    expect(v61?.isolatedWorkItems).toBeLessThanOrEqual(1)
    const v66 = run(profile, 'direct-irqon').flushes?.memcg
    expect(v66?.isolatedWorkItems).toBe(0)
    expect(v66?.isolatedSkipped).toBeLessThanOrEqual(1)
  })

  it('an isolated CPU without a realtime task holds nothing: no flush queues work on it', () => {
    const r = run(flushProfile(pollingTasks([2], { dirtiesVmstat: true }), [{ kind: 'lru', ratePerSec: 10 }, { kind: 'slab', ratePerSec: 10 }]), 'workqueue')
    // CPU 2's loop leaves vmstat differentials only; CPU 3 has no task
    expect(r.flushes?.lru?.isolatedWorkItems).toBe(0)
    expect(r.flushes?.slab?.isolatedWorkItems).toBe(0)
    expect(r.flushes?.vmstat?.isolatedWorkItems).toBeLessThanOrEqual(1)
  })

  it('remote flushes (kernel.pwLocks) take the work functions\' time on the caller', () => {
    const costs = { lruDrainNs: 50_000, slabFlushNs: 70_000 }
    const r = run(flushProfile(periodicTasks([2], { lruFoliosPerJob: 1, allocatesSlab: true }), [{ kind: 'lru', ratePerSec: 5 }, { kind: 'slab', ratePerSec: 5 }], { pwLocks: true, costs }), 'direct')
    // each call runs at least the two housekeeping CPUs' functions one after the other
    expect(r.flushes?.lru?.durationNs.min).toBeGreaterThanOrEqual(2 * 50_000)
    expect(r.flushes?.slab?.durationNs.min).toBeGreaterThanOrEqual(2 * 70_000)
  })

  it('a read of stat_refresh queues refresh_vm_stats on every CPU in every release, isolated or not, whatever it holds, and waits: a polling loop stalls it under policy none', () => {
    for (const variant of VARIANTS) {
      const clean = run(flushProfile(periodicTasks([2, 3]), [{ kind: 'stat-refresh', ratePerSec: 5 }]), variant)
      const vmstat = clean.flushes?.vmstat
      // the shepherd passes the clean isolated CPUs over; each refresh reaches both
      expect(vmstat?.isolatedWorkItems, variant).toBeGreaterThanOrEqual(2 * 5)
      expect(vmstat?.stalled, variant).toBe(0)
      const polled = run(flushProfile(pollingTasks([2]), [{ kind: 'stat-refresh', ratePerSec: 5 }]), variant)
      expect(polled.flushes?.vmstat?.stalled, variant).toBeGreaterThan(0)
      expect(polled.flushes?.vmstat?.oldestPendingNs, variant).toBeGreaterThan(2e9)
    }
  })

  it('a flush work function that delays a periodic release is charged to its own source', () => {
    // a long SLUB flush makes its work function overlap the next release often enough to be seen
    const profile = flushProfile(periodicTasks([2], { allocatesSlab: true, runtimeUs: 900 }), [{ kind: 'slab', ratePerSec: 200 }], { costs: { slabFlushNs: 200_000 } })
    const r = run(profile, 'direct-chunked')
    expect(interferenceOn(r, 2)?.['slab-flush']).toBeGreaterThan(0)
    expect(r.worst?.breakdown.some((p) => p.source === 'slab-flush')).toBe(true)
  })

  it('same profile and seed: byte-identical results with every flush on', () => {
    const tasks = [...periodicTasks([2], { lruFoliosPerJob: 3, dirtiesVmstat: true, chargesMemcg: true, allocatesSlab: true }), ...pollingTasks([3], { lruFoliosPerJob: 1 })]
    const profile = flushProfile(tasks, [{ kind: 'lru', ratePerSec: 10 }, { kind: 'memcg', ratePerSec: 10 }, { kind: 'slab', ratePerSec: 3 }, { kind: 'cma', ratePerSec: 3 }])
    for (const variant of VARIANTS) expect(JSON.stringify(run(profile, variant, 7)), variant).toBe(JSON.stringify(run(profile, variant, 7)))
  })
})
