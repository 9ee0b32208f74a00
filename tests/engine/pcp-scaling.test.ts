// How consecutive frees and allocations size a zone->lock hold, per kernel generation, and 6.7+ high
// auto-tuning (src-main/engine/mm/pcp-scaling.ts) — each case the kernel function it follows:
// nr_pcp_free() / free_factor (5.14–6.6), nr_pcp_free() / free_count, nr_pcp_high(), nr_pcp_alloc(),
// decay_pcp_high() (6.7+), and free_pcppages_bulk() draining the freed list first.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { costsSchema, type Variant } from '../../src-shared/profile/schema'
import { pcpTuningOf, VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { PerCpuPages } from '../../src-main/engine/mm/per-cpu-pages'
import { Zone } from '../../src-main/engine/mm/zone'
import { OwnerOpResult } from '../../src-main/engine/mm/owner-op-result'
import { rmqueuePcplist } from '../../src-main/engine/mm/rmqueue-pcplist'
import { freeUnrefPages } from '../../src-main/engine/mm/free-unref-page'
import { countAllocations, countFrees, decayPcpHigh } from '../../src-main/engine/mm/pcp-scaling'
import type { PageAllocator } from '../../src-main/engine/mm/page-allocator'
import type { DerivedPcp } from '../../src-main/engine/mm/pcp-params'
import { BurstWalk } from '../../src-main/engine/workload/burst-walk'
import { LocalRun } from '../../src-main/engine/workload/local-run'
import { Simulation } from '../../src-main/engine/simulation'
import { profileOf } from './support/engine-profiles'
import { RandomStream } from '../../src-main/engine/sim/random-stream'

const costs = costsSchema.parse({})
const BATCH = 63

function allocator(variant: Variant, o: { high: number; highMax?: number; autotune?: 'release' | boolean }): PageAllocator {
  const tuning = pcpTuningOf(VARIANT_TRAITS[variant], o.autotune ?? 'release')
  const params = { batch: BATCH, high: o.high, highMin: o.high, highMax: tuning.autotune ? (o.highMax ?? o.high) : o.high, autotune: tuning.autotune, scaling: tuning.scaling, batchScaleMax: 5, thpPages: 512 } as DerivedPcp
  return { zone: new Zone(10_000_000), pcp: new PerCpuPages(1, BATCH, o.high, 512), params, costs, traits: VARIANT_TRAITS[variant] }
}

const out = new OwnerOpResult()

/** Frees one page at a time until a commit bulk-frees; returns the pages that bulk free took. */
function freeUntilBulk(k: PageAllocator): number {
  for (;;) {
    const before = k.pcp.count[0]
    freeUnrefPages(k, 0, 1, false, 0, out)
    if (k.pcp.count[0] <= before) return before + 1 - k.pcp.count[0]
  }
}

describe('≤ 6.6: nr_pcp_free() with pcp->free_factor', () => {
  it('doubles the bulk free for each bulk free without an allocation in between, up to high − batch', () => {
    const k = allocator('direct-irqon', { high: 1000 })
    k.pcp.add(0, 999)
    expect([1, 2, 3, 4, 5, 6].map(() => freeUntilBulk(k))).toEqual([63, 126, 252, 504, 937, 937])
  })

  it('has no cap on free_factor in mainline 5.19–6.6 (CONFIG_PCP_BATCH_SCALE_MAX capped it from 6.7, and in later 6.1.y/6.6.y)', () => {
    const k = allocator('direct-irqon', { high: 100_000 })
    k.pcp.add(0, 99_999)
    expect([1, 2, 3, 4, 5, 6, 7].map(() => freeUntilBulk(k))).toEqual([63, 126, 252, 504, 1008, 2016, 4032])
  })

  it('keeps batch on the list: with high < 2 × batch a bulk free takes high − batch (clamp\'s upper bound wins)', () => {
    const k = allocator('direct-irqon', { high: 100 })
    k.pcp.add(0, 99)
    expect(freeUntilBulk(k)).toBe(37)
    expect(k.pcp.count[0]).toBe(63)
  })

  it('halves free_factor once per page allocated (rmqueue_pcplist)', () => {
    const k = allocator('workqueue', { high: 1000 })
    k.pcp.add(0, 999)
    for (let i = 0; i < 4; i++) freeUntilBulk(k)
    expect(k.pcp.freeFactor[0]).toBe(4)
    rmqueuePcplist(k, 0, 1, 0, out)
    expect(k.pcp.freeFactor[0]).toBe(2)
    rmqueuePcplist(k, 0, 2, 0, out)
    expect(k.pcp.freeFactor[0]).toBe(0)
  })

  it('refills batch pages, however many refills come in a row', () => {
    const k = allocator('direct', { high: 1000 })
    for (let i = 0; i < 4; i++) {
      const free = k.zone.freePages
      rmqueuePcplist(k, 0, BATCH, 0, out)
      expect(free - k.zone.freePages).toBe(BATCH)
    }
  })
})

describe('6.7+: nr_pcp_free() / nr_pcp_high() with pcp->free_count', () => {
  it('counts freed pages up to batch << CONFIG_PCP_BATCH_SCALE_MAX, and each allocated page halves the count', () => {
    const k = allocator('direct-chunked', { high: 100_000, autotune: false })
    countFrees(k, 0, 5000, 1)
    expect(k.pcp.freeCount[0]).toBe(BATCH << 5)
    countAllocations(k, 0, 3)
    expect(k.pcp.freeCount[0]).toBe((BATCH << 5) >> 3)
  })

  it('an allocation that fails its trylock (a remote drainer holds pcp->lock) leaves the counters alone', () => {
    const k = allocator('direct-chunked', { high: 100_000, autotune: false })
    countFrees(k, 0, 500, 1)
    k.pcp.lockedUntil[0] = 1000
    rmqueuePcplist(k, 0, 4, 0, out)
    expect(out.fallback).toBe(true)
    expect(k.pcp.freeCount[0]).toBe(500)
  })

  it('a free below high leaves high alone, however large free_count is', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 5000 })
    countFrees(k, 0, 2000, 1)
    freeUnrefPages(k, 0, 10, false, 0, out)
    expect(k.pcp.high[0]).toBe(300)
  })

  it('a THP commit adds its pages while below the cap, so it may overshoot it', () => {
    const k = allocator('direct-chunked', { high: 100_000, autotune: false })
    countFrees(k, 0, 2000, 1)
    countFrees(k, 0, 1, 512)
    expect(k.pcp.freeCount[0]).toBe(2000 + 512)
  })

  it('without auto-tuning, frees clamp(free_count, batch, high − batch) in one bulk free', () => {
    const k = allocator('direct-chunked', { high: 1000, autotune: false })
    k.pcp.add(0, 500)
    freeUnrefPages(k, 0, 600, false, 0, out)
    // the 500th commit finds count = high with free_count 500: one bulk free of 500 pages, then 100 more commits
    expect(k.pcp.count[0]).toBe(1000 - 500 + 100)
    expect(out.zoneWaitNs + out.slowNs).toBeGreaterThan(0)
  })

  it('with auto-tuning, a commit at count ≥ high raises high to free_count + batch but frees against the old high', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 5000 })
    k.pcp.add(0, 299)
    countFrees(k, 0, 1000, 1)
    freeUnrefPages(k, 0, 1, false, 0, out)
    expect(k.pcp.high[0]).toBe(1000 + 1 + BATCH)
    // nr_pcp_free with the old high 300: clamp(1001, 63, 237)
    expect(k.pcp.count[0]).toBe(300 - 237)
  })

  it('a net-free CPU settles with high near the free_count cap plus batch, not at high_max', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 100_000 })
    for (let i = 0; i < 2000; i++) freeUnrefPages(k, 0, 32, true, 0, out)
    expect(k.pcp.high[0]).toBe((BATCH << 5) + BATCH)
    expect(k.pcp.count[0]).toBeLessThan((BATCH << 5) + BATCH)
  })
})

describe('6.7+: nr_pcp_alloc() with pcp->alloc_factor', () => {
  it('doubles the refill for each refill without a free in between, and auto-tuning raises high by it', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 100_000 })
    const refills: number[] = []
    for (let i = 0; i < 7; i++) {
      const free = k.zone.freePages
      rmqueuePcplist(k, 0, k.pcp.order0(0) + 1, 0, out)
      refills.push(free - k.zone.freePages)
    }
    expect(refills).toEqual([63, 126, 252, 504, 1008, 2016, 2016])
    expect(k.pcp.high[0]).toBe(300 + 63 + 126 + 252 + 504 + 1008 + 2016 + 2016)
  })

  it('alloc_factor grows while the doubled refill still fits (batch << alloc_factor ≤ max_nr_alloc)', () => {
    // high 189, batch 63: max_nr_alloc = 189 − 0 − 63 = 126, exactly the second refill
    const k = allocator('direct-chunked', { high: 189, autotune: false })
    for (let i = 0; i < 2; i++) rmqueuePcplist(k, 0, k.pcp.order0(0) + 1, 0, out)
    expect(k.pcp.allocFactor[0]).toBe(2)
  })

  it('a refill counts the CPU\'s other lists (THP entries) in max_nr_alloc, not the order-0 pages it is about to take', () => {
    const k = allocator('direct-chunked', { high: 1000, autotune: false })
    k.pcp.fill(0, 512 + 10, 0, 5000)
    k.pcp.thpEntries[0] = 1
    const free = k.zone.freePages
    rmqueuePcplist(k, 0, 11, 0, out)
    // max(1000 − 512 − 63, 63) = 425 ≥ 63: one batch
    expect(free - k.zone.freePages).toBe(63)
    k.pcp.allocFactor[0] = 4
    const before = k.zone.freePages
    rmqueuePcplist(k, 0, k.pcp.order0(0) + 1, 0, out)
    expect(before - k.zone.freePages).toBe(425)
  })

  it('a freed page halves alloc_factor', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 100_000 })
    for (let i = 0; i < 3; i++) rmqueuePcplist(k, 0, k.pcp.order0(0) + 1, 0, out)
    expect(k.pcp.allocFactor[0]).toBe(3)
    freeUnrefPages(k, 0, 1, false, 0, out)
    expect(k.pcp.allocFactor[0]).toBe(1)
  })

  it('without auto-tuning a refill keeps count a batch below high', () => {
    const k = allocator('direct-chunked', { high: 300, autotune: false })
    const refills: number[] = []
    for (let i = 0; i < 4; i++) {
      const free = k.zone.freePages
      rmqueuePcplist(k, 0, k.pcp.order0(0) + 1, 0, out)
      refills.push(free - k.zone.freePages)
    }
    expect(refills).toEqual([63, 126, 237, 237])
  })
})

describe('6.7+: decay_pcp_high()', () => {
  it('lowers high by an eighth towards high_min, but not below count − (batch << 5); the excess is to be freed', () => {
    const k = allocator('direct-chunked', { high: 300, highMax: 100_000 })
    k.pcp.high[0] = 80_000
    k.pcp.add(0, 79_000)
    expect(decayPcpHigh(k, 0)).toBe(BATCH << 5)
    expect(k.pcp.high[0]).toBe(79_000 - (BATCH << 5))
    k.pcp.high[0] = 8000
    k.pcp.count[0] = 100
    expect(decayPcpHigh(k, 0)).toBe(0)
    expect(k.pcp.high[0]).toBe(7000)
  })
})

describe('free_pcppages_bulk() drains the freed list first', () => {
  it('a THP free that reaches high frees the THP entry, not order-0 pages around it', () => {
    const pcp = new PerCpuPages(1, BATCH, 1000, 512)
    pcp.fill(0, 300 + 512, 0, 5000)
    pcp.thpEntries[0] = 1
    expect(pcp.removeForFree(0, 63, 0, true)).toBe(512)
    expect(pcp.order0(0)).toBe(300)
    expect(pcp.removeForFree(0, 400)).toBe(300)
  })
})

describe('the local bursts of a walk count as their pages would, one by one', () => {
  it('foldFreeCount equals applying each burst page by page', () => {
    // units from 31 up take the closed form (an allocation burst leaves 0); `first` starts inside a word of marks
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 12 }), (unit, start, seed, skip, length) => {
      const walk = new BurstWalk(new RandomStream(seed, 'walk'), 2 ** 31, 200)
      const walked = walk.walk(-100, 100)
      const first = Math.min(skip, walked)
      // short stretches too, which often hold no allocation
      const n = length === 0 ? walked : Math.min(walked, first + length)
      const k = allocator('direct-chunked', { high: 100_000, autotune: false })
      k.pcp.freeCount[0] = start
      for (let i = first; i < n; i++) {
        const free = walk.frees(i, 1) === 1
        for (let p = 0; p < unit; p++) {
          if (free) countFrees(k, 0, 1, 1)
          else countAllocations(k, 0, 1)
        }
      }
      expect(walk.foldFreeCount(first, n - first, start, unit, BATCH << 5)).toBe(k.pcp.freeCount[0])
    }), { seed: 11, numRuns: 600 })
  })
})

describe('LocalRun applies the counters of the local bursts it applies', () => {
  function localRun(scaling: 'free-factor' | 'free-count', seed: number): { k: PageAllocator; run: LocalRun } {
    const pcp = new PerCpuPages(1, 2, 1000, 512)
    pcp.fill(0, 500, 0, 2000)
    const k = { pcp, zone: new Zone(1_000_000), traits: VARIANT_TRAITS['direct-chunked'], costs, params: { scaling, batchScaleMax: 5 } } as unknown as PageAllocator
    const streams = ['marks', 'times', 'reads'].map((s) => new RandomStream(seed, s))
    return { k, run: new LocalRun(k, 0, 1, 1000, 1000, 0, 4096, streams[0], streams[1], streams[2]) }
  }

  it('6.7+: each freed page of a local burst halves alloc_factor; ≤ 6.6: each allocated page halves free_factor', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = localRun('free-count', seed)
      a.k.pcp.allocFactor[0] = 5
      a.run.plan(0, 10_000, 1e12)
      const taken = a.run.take(Infinity, 0)
      expect(a.k.pcp.allocFactor[0]).toBe(5 >> Math.min(31, taken.frees))
      expect(a.k.pcp.freeCount[0]).toBeLessThanOrEqual(2 << 5)
      const b = localRun('free-factor', seed)
      b.k.pcp.freeFactor[0] = 5
      b.run.plan(0, 10_000, 1e12)
      const tb = b.run.take(Infinity, 0)
      expect(b.k.pcp.freeFactor[0]).toBe(5 >> Math.min(31, tb.bursts - tb.frees))
    }
  })
})

describe('a decay re-plans the CPU\'s local bursts', () => {
  it('after decay_pcp_high() lowers high, local frees stop below the new high: the next free at high is a contact', () => {
    const profile = profileOf({
      schemaVersion: 1,
      machine: { cpus: 2, isolated: '1' },
      kernel: { pcp: { autotune: true } },
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 200_000, initialPcpPages: 0 },
      run: { durationMs: 100 }
    })
    const sim = new Simulation(profile, 'direct-chunked', 1)
    sim.hk.start(0, 0)
    // a list far below a high raised long ago: the walk may free up to that high locally
    sim.pcp.high[0] = 5000
    sim.pcp.add(0, 4900)
    sim.zone.freePages -= 4900
    sim.hk.listsChanged(0, 0)
    sim.hk.onVmstatDecay(1000)
    const high = sim.pcp.high[0]
    expect(high).toBeLessThan(5000)
    // 10 ms of frees at 200 000 pages/s: with the plan made before the decay they would pass the new high
    sim.hk.catchUp(0, 1000 + 10_000_000)
    expect(sim.pcp.count[0]).toBeLessThanOrEqual(high)
  })
})
