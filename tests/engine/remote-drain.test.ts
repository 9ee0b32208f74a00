// The requester side of the 6.0+ remote drain against the owner's own pcp->lock holds: contention both ways.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { freeUnrefPages } from '../../src-main/engine/mm/free-unref-page'
import { OwnerOpResult } from '../../src-main/engine/mm/owner-op-result'
import { rmqueuePcplist } from '../../src-main/engine/mm/rmqueue-pcplist'
import { SWAP_CLUSTER_MAX } from '../../src-main/engine/mm/list-free-batches'
import type { RemoteDrain } from '../../src-main/engine/drain/remote-drain'
import { Simulation } from '../../src-main/engine/simulation'
import { rtTaskSpec } from '../../src-main/engine/workload/rt-task-spec'
import { DIRECT_VARIANTS, periodicTasks, profileOf, run } from './support/engine-profiles'

const costs = costsSchema.parse({})

/** Two housekeeping CPUs, nothing scheduled: the test drives CPU 1's owner and a drain from CPU 0 by hand. */
function machine(variant: (typeof DIRECT_VARIANTS)[number]): Simulation {
  return new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), variant, 1)
}

/** The DrainStep event at `t` of the drain in flight: its spin on pcp->lock, or its hold, ends. */
function stepAt(sim: Simulation, t: number): void {
  ;(sim.strategy as RemoteDrain).onStep((sim.drains.holder as NonNullable<typeof sim.drains.holder>).id, t)
}

describe('a remote drainer spins on the owner\'s own pcp->lock hold', () => {
  for (const variant of DIRECT_VARIANTS) {
    it(`${variant}: the hold starts when the owner's free (with its bulk free at high) ends; the requester's spin is drain work`, () => {
      const sim = machine(variant)
      const high = sim.pcp.high[1]
      // one page short of high: a free of 2 pages reaches it and frees batch pages under zone->lock
      sim.pcp.fill(1, high - 1, 0, high + sim.pcp.batch)
      sim.zone.freePages -= high - 1
      const out = new OwnerOpResult()
      freeUnrefPages(sim, 1, 2, false, 0, out)
      expect(out.slowNs).toBe(freePcppagesBulkNs(sim.pcp.batch, 0, 512, costs.tPageLocalNs, costs))
      const ownerEnd = out.ns
      expect(sim.pcp.ownerBusyUntil[1]).toBe(ownerEnd)
      // the drain arrives in the middle of the owner's critical section
      const at = Math.floor(ownerEnd / 2)
      sim.drains.request(0, 'compaction', 0, at)
      stepAt(sim, ownerEnd)
      // the first hold frees what the bulk free left, at most one chunk (batch << 5) in direct-chunked
      const chunk = variant === 'direct-chunked' ? sim.pcp.batch << 5 : Infinity
      const hold = freePcppagesBulkNs(Math.min(high + 1 - sim.pcp.batch, chunk), 0, 512, costs.tPageRemoteNs, costs)
      expect(sim.pcp.lockedUntil[1]).toBe(ownerEnd + hold)
      expect(sim.drainCpuNs).toBe(ownerEnd - at + hold)
    })
  }

  it('an owner allocation holds pcp->lock for its refill too; a failed trylock holds nothing', () => {
    const sim = machine('direct-irqon')
    const out = new OwnerOpResult()
    rmqueuePcplist(sim, 1, 4, 100, out)
    expect(out.slowNs).toBeGreaterThanOrEqual(costs.rmqueueBulkNs)
    expect(sim.pcp.ownerBusyUntil[1]).toBe(100 + out.ns)
    sim.pcp.lockedUntil[0] = 10_000
    rmqueuePcplist(sim, 0, 4, 200, out)
    expect(out.fallback).toBe(true)
    expect(sim.pcp.ownerBusyUntil[0]).toBe(0)
  })

  it('direct: a THP free goes through free_unref_page()\'s trylock; while a drainer holds pcp->lock it takes the buddy fallback', () => {
    const sim = machine('direct')
    sim.pcp.lockedUntil[1] = 10_000
    const out = new OwnerOpResult()
    freeUnrefPages(sim, 1, sim.pcp.thpPages, true, 100, out, true)
    expect(out.spinNs).toBe(0)
    expect(out.fallback).toBe(true)
    expect(out.fallbackNs).toBe(Math.round(costs.zoneLockNs + costs.buddyOpNs))
    expect(sim.pcp.count[1]).toBe(0)
  })

  it('6.7+ decay_pcp_high() frees under pcp->lock: a drainer arriving in it waits for its end', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' }, kernel: { pcp: { autotune: true } } }), 'direct-chunked', 1)
    // a free burst grew high to high_max
    const h0 = sim.params.highMax
    sim.pcp.high[1] = h0
    // decay_pcp_high(): an eighth down, but at most batch << CONFIG_PCP_BATCH_SCALE_MAX pages freed
    const high = Math.max(sim.params.highMin, h0 - (h0 >> 3), h0 - sim.pcp.batch * 2 ** 5)
    expect(high).toBeLessThan(h0)
    sim.pcp.fill(1, h0, 0, h0 + sim.pcp.batch)
    sim.zone.freePages -= h0
    sim.hk.onVmstatDecay(1000)
    const decayEnd = 1000 + freePcppagesBulkNs(h0 - high, 0, 512, costs.tPageLocalNs, costs)
    expect(sim.pcp.ownerBusyUntil[1]).toBe(decayEnd)
    sim.drains.request(0, 'compaction', 0, 1001)
    expect(sim.pcp.lockedUntil[1]).toBe(0)
    stepAt(sim, decayEnd)
    expect(sim.pcp.lockedUntil[1]).toBeGreaterThan(decayEnd)
  })

  it('workqueue: local_lock has no remote locker, nothing is recorded', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), 'workqueue', 1)
    rmqueuePcplist(sim, 1, 4, 100, new OwnerOpResult())
    expect(sim.pcp.ownerBusyUntil[1]).toBe(0)
  })
})

describe('direct (6.0–6.1): free_unref_page_list drops pcp->lock every SWAP_CLUSTER_MAX pages', () => {
  // one page through the owner's critical section, fastPathOverhead included, and a full 32-page batch
  const batchNs = SWAP_CLUSTER_MAX * costs.ownerCriticalSectionNs + Math.round(SWAP_CLUSTER_MAX * costs.ownerCriticalSectionNs * costs.fastPathOverhead)

  it('a drainer arriving in a list free takes pcp->lock after the batch in flight; the owner\'s later batches wait for its hold', () => {
    const sim = machine('direct')
    const out = new OwnerOpResult()
    // 100 pages: batches of 32, 32, 32 and 4, below high (no bulk free)
    freeUnrefPages(sim, 1, 100, true, 0, out)
    const tail = 4 * costs.ownerCriticalSectionNs + Math.round(4 * costs.ownerCriticalSectionNs * costs.fastPathOverhead)
    expect(out.ns).toBe(3 * batchNs + tail)
    sim.drains.request(0, 'compaction', 0, 1000)
    stepAt(sim, batchNs)
    // the drainer frees what the first batch put on the list; the other 68 pages come after its hold
    const hold = freePcppagesBulkNs(SWAP_CLUSTER_MAX, 0, 512, costs.tPageRemoteNs, costs)
    expect(sim.pcp.lockedUntil[1]).toBe(batchNs + hold)
    expect(sim.drainCpuNs).toBe(batchNs - 1000 + hold)
    expect(sim.pcp.ownerBusyUntil[1]).toBe(out.ns + hold)
    expect(sim.pcp.count[1]).toBe(100 - SWAP_CLUSTER_MAX)
    // drain_pages_zone() is one hold per target: the drain completes, the later batches' pages stay
    stepAt(sim, batchNs + hold)
    expect(sim.drains.holder).toBeNull()
    expect(sim.drains.stats.completed).toBe(1)
    expect(sim.pcp.count[1]).toBe(100 - SWAP_CLUSTER_MAX)
  })

  it('the drainer\'s spin is an event: zone->lock is not reserved before it ends, an owner trylock during it succeeds', () => {
    const sim = machine('direct')
    const out = new OwnerOpResult()
    freeUnrefPages(sim, 1, 100, true, 0, out)
    sim.drains.request(0, 'compaction', 0, 1000)
    // the drainer spins until the first batch unlocks: it holds neither lock yet
    expect(sim.pcp.lockedUntil[1]).toBe(0)
    // a refill on CPU 0 (empty list) during the spin takes zone->lock at once
    rmqueuePcplist(sim, 0, 1, 1001, out)
    expect(out.slowNs).toBeGreaterThanOrEqual(costs.rmqueueBulkNs)
    expect(out.zoneWaitNs).toBe(0)
    const refillEnd = 1001 + out.ns
    expect(refillEnd).toBeLessThan(batchNs)
    // an owner allocation during the spin gets pcp->lock
    rmqueuePcplist(sim, 1, 1, 1002, out)
    expect(out.fallback).toBe(false)
    // at the unlock the drainer takes both locks, in time order after the refill
    const before = sim.drainCpuNs
    stepAt(sim, batchNs)
    const hold = freePcppagesBulkNs(SWAP_CLUSTER_MAX - 1, 0, 512, costs.tPageRemoteNs, costs)
    expect(sim.pcp.lockedUntil[1]).toBe(batchNs + hold)
    expect(sim.drainCpuNs - before).toBe(batchNs - 1000 + hold)
  })

  it('a THP entry on the list: the drainer frees it and the first batch, the later batches\' order-0 pages stay', () => {
    const sim = machine('direct')
    const thp = sim.pcp.thpPages
    // high above the list: no bulk free
    sim.pcp.high[1] = 4 * thp
    sim.pcp.fill(1, thp, 1, 4 * thp)
    sim.zone.freePages -= thp
    const out = new OwnerOpResult()
    freeUnrefPages(sim, 1, 100, true, 0, out)
    sim.drains.request(0, 'compaction', 0, 1000)
    stepAt(sim, batchNs)
    const hold = freePcppagesBulkNs(SWAP_CLUSTER_MAX + thp, 1, thp, costs.tPageRemoteNs, costs)
    expect(sim.pcp.lockedUntil[1]).toBe(batchNs + hold)
    expect(sim.pcp.count[1]).toBe(100 - SWAP_CLUSTER_MAX)
    expect(sim.pcp.thpEntries[1]).toBe(0)
    // one hold emptied what the list held at that unlock
    stepAt(sim, batchNs + hold)
    expect(sim.drains.holder).toBeNull()
    expect(sim.drains.stats.completed).toBe(1)
  })

  it('a list free that reaches high: the drainer at the first unlock leaves the later batches\' pages, gross of their bulk frees', () => {
    const sim = machine('direct')
    const high = sim.pcp.high[1]
    // 40 pages below high: the second batch reaches it and bulk frees in the computed list free
    const before = high - 40
    sim.pcp.fill(1, before, 0, high + sim.pcp.batch)
    // the list's pages and the 100 the owner frees are allocated
    sim.zone.freePages -= before + 100
    const out = new OwnerOpResult()
    freeUnrefPages(sim, 1, 100, true, 0, out)
    expect(out.slowNs).toBeGreaterThan(0)
    sim.drains.request(0, 'compaction', 0, 1000)
    stepAt(sim, batchNs)
    // the drainer frees the list but the 68 pages the later batches will add
    expect(sim.pcp.count[1]).toBe(100 - SWAP_CLUSTER_MAX)
    expect(sim.zone.freePages + sim.pcp.total).toBe(sim.zone.managedPages)
    stepAt(sim, sim.pcp.lockedUntil[1])
    expect(sim.drains.stats.completed).toBe(1)
  })

  it('a drainer arriving in the last batch waits for the end of the list', () => {
    const sim = machine('direct')
    const out = new OwnerOpResult()
    freeUnrefPages(sim, 1, 100, true, 0, out)
    sim.drains.request(0, 'compaction', 0, 3 * batchNs + 1)
    stepAt(sim, out.ns)
    expect(sim.pcp.lockedUntil[1]).toBe(out.ns + freePcppagesBulkNs(100, 0, 512, costs.tPageRemoteNs, costs))
    expect(sim.pcp.ownerBusyUntil[1]).toBe(out.ns)
  })

  for (const variant of ['direct-irqon', 'direct-chunked'] as const) {
    it(`${variant} (6.2+): the drainer takes pcp->lock at the first unlock; the owner's trylock fails and the rest of the list goes to the buddy allocator`, () => {
      const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' }, run: { durationMs: 20, warmupMs: 0 } }), variant, 1)
      const out = new OwnerOpResult()
      freeUnrefPages(sim, 1, 100, true, 0, out)
      // the batches of 6.2+ are as long as 6.0–6.1's: the same owner critical section per page
      expect(out.ns).toBeGreaterThan(batchNs)
      sim.drains.request(0, 'compaction', 0, 1000)
      expect(sim.pcp.lockedUntil[1]).toBe(0)
      const freeBefore = sim.zone.freePages
      stepAt(sim, batchNs)
      const hold = freePcppagesBulkNs(SWAP_CLUSTER_MAX, 0, 512, costs.tPageRemoteNs, costs)
      expect(sim.pcp.lockedUntil[1]).toBe(batchNs + hold)
      // the owner no longer holds pcp->lock: free_one_page() of the other 68 pages, behind the drainer's zone->lock
      expect(sim.pcp.ownerBusyUntil[1]).toBe(batchNs)
      expect(sim.pcp.count[1]).toBe(0)
      expect(sim.zone.freePages - freeBefore).toBe(100)
      expect(sim.zone.acquireLock(batchNs, 0)).toBe(hold + Math.round(costs.zoneLockNs + (100 - SWAP_CLUSTER_MAX) * costs.buddyOpNs))
      // a housekeeping CPU's list free: counted as one fallback (no warm-up here)
      expect(sim.warmupNs).toBe(0)
      expect(sim.hk.perCpu.find((s) => s.cpu === 1)?.fallbacks).toBe(1)
      stepAt(sim, batchNs + hold)
      expect(sim.drains.stats.completed).toBe(1)
    })
  }

  /** A realtime job that frees 3 × SWAP_CLUSTER_MAX pages, and a drain arriving in the first batch of that list free. */
  function jobAndDrain(variant: 'direct' | 'direct-irqon') {
    const pages = 1000
    const allocs = 3 * SWAP_CLUSTER_MAX
    const periodNs = 1_000_000
    const runtimeNs = 100_000
    const base = {
      schemaVersion: 1 as const,
      machine: { cpus: 3, isolated: '2' },
      // high above the list: no bulk free, the job's pages come back to the list
      kernel: { pcp: { high: 4 * pages } },
      rtTasks: periodicTasks([2], { periodUs: periodNs / 1000, runtimeUs: runtimeNs / 1000, allocsPerJob: allocs, initialPcpPages: pages }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 0 },
      run: { durationMs: 20, warmupMs: 0 }
    }
    const probe = profileOf(base)
    const release = rtTaskSpec(probe.rtTasks[0], 1).firstReleaseNs + 10 * periodNs
    // the job's list free starts after the timer (1–2 µs), its allocation and its runtime; the drain
    // comes after the latest such start and before the earliest end of the first batch
    const allocNs = allocs * costs.ownerCriticalSectionNs + Math.round(allocs * costs.ownerCriticalSectionNs * costs.fastPathOverhead)
    const freeStart = release + allocNs + runtimeNs
    const at = freeStart + costs.timerLatencyMaxNs
    expect(at).toBeLessThan(freeStart + costs.timerLatencyMinNs + batchNs)
    const r = run(profileOf({ ...base, drainSources: [{ kind: 'once', atMs: at / 1e6 }] }), variant)
    // the drainer frees the list as the first batch left it: the job's allocation taken, 32 pages back
    const hold = freePcppagesBulkNs(pages - allocs + SWAP_CLUSTER_MAX, 0, 512, costs.tPageRemoteNs, costs)
    // the job's work before the drain: timer, allocation, runtime, first batch
    const before = { min: costs.timerLatencyMinNs + allocNs + runtimeNs + batchNs, max: costs.timerLatencyMaxNs + allocNs + runtimeNs + batchNs }
    return { r, hold, allocs, before }
  }

  it('a realtime job whose list free the drainer splits spins for the hold (lock-spin) and ends that much later', () => {
    const { r, hold, before } = jobAndDrain('direct')
    expect(r.interference[0].bySourceNs['lock-spin']).toBe(hold)
    expect(r.interference[0].bySourceNs.fallback).toBe(0)
    const longest = r.tasks[0].responseNs.max
    expect(longest).toBeGreaterThanOrEqual(before.min + 2 * batchNs + hold)
    expect(longest).toBeLessThanOrEqual(before.max + 2 * batchNs + hold)
  })

  it('abort-job: a drainer splitting an aborted job\'s list free charges nobody, not the next job', () => {
    const periodNs = 1_000_000
    const allocs = 3 * SWAP_CLUSTER_MAX
    // the next job is released (timer latency after the abort) before the list free's first batch ends
    expect(costs.timerLatencyMaxNs).toBeLessThan(batchNs)
    const base = {
      schemaVersion: 1 as const,
      machine: { cpus: 3, isolated: '2' },
      kernel: { pcp: { high: 4000 } },
      // every job (its runtime the whole period, plus timer and allocation) overruns its deadline and is aborted
      // there, handing its pages back at once
      rtTasks: periodicTasks([2], { periodUs: periodNs / 1000, runtimeUs: periodNs / 1000, allocsPerJob: allocs, initialPcpPages: 1000, missPolicy: 'abort-job' }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 0 },
      run: { durationMs: 20, warmupMs: 0 }
    }
    const abortAt = rtTaskSpec(profileOf(base).rtTasks[0], 1).firstReleaseNs + 11 * periodNs
    const r = run(profileOf({ ...base, drainSources: [{ kind: 'once', atMs: (abortAt + 1) / 1e6 }] }), 'direct')
    expect(r.drains.completed).toBe(1)
    expect(r.interference[0].bySourceNs['lock-spin']).toBe(0)
  })

  it('6.2+: the realtime job\'s trylock after the first batch fails; the rest of its list goes to the buddy allocator (fallback)', () => {
    const { r, hold, allocs, before } = jobAndDrain('direct-irqon')
    // free_one_page() of the other batches' pages waits for the drainer's zone->lock hold
    const fallback = hold + Math.round(costs.zoneLockNs + (allocs - SWAP_CLUSTER_MAX) * costs.buddyOpNs)
    expect(r.interference[0].bySourceNs.fallback).toBe(fallback)
    expect(r.interference[0].bySourceNs['lock-spin']).toBe(0)
    expect(r.tasks[0].fallbacks).toBe(1)
    const longest = r.tasks[0].responseNs.max
    expect(longest).toBeGreaterThanOrEqual(before.min + fallback)
    expect(longest).toBeLessThanOrEqual(before.max + fallback)
  })
})
