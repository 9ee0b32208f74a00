// ZONE_RECLAIM_ACTIVE and ZONE_BELOW_HIGH on the pcp free path (src-main/engine/mm/pcp-scaling.ts, mm/zone.ts)
// and kswapd's balances before reclaim drains (workload/kswapd-balances.ts), each case the kernel code it follows:
// nr_pcp_high() in 5.19.0 / 6.6.57 ("return min(READ_ONCE(pcp->batch) << 2, high)") and in 6.12.19 (pcp->high
// lowered by max(free_count, batch) towards high_min under either bit), nr_pcp_alloc() 6.12.19 (no raise of
// high below the high watermark), free_unref_page_commit() 6.12.19 (the bit cleared after a bulk free),
// balance_pgdat() 6.12.19 (set_reclaim_active() … clear_reclaim_active()). docs/model.md §2.3.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { costsSchema, type Variant } from '../../src-shared/profile/schema'
import { pcpTuningOf, VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { PerCpuPages } from '../../src-main/engine/mm/per-cpu-pages'
import { Zone } from '../../src-main/engine/mm/zone'
import { OwnerOpResult } from '../../src-main/engine/mm/owner-op-result'
import { freeUnrefPages } from '../../src-main/engine/mm/free-unref-page'
import { rmqueuePcplist } from '../../src-main/engine/mm/rmqueue-pcplist'
import { commitsLowerHigh, countFrees, freeHighBound, nrPcpHigh } from '../../src-main/engine/mm/pcp-scaling'
import { LocalRun } from '../../src-main/engine/workload/local-run'
import { RandomStream } from '../../src-main/engine/sim/random-stream'
import type { PageAllocator } from '../../src-main/engine/mm/page-allocator'
import type { DerivedPcp } from '../../src-main/engine/mm/pcp-params'
import { validateProfile } from '../../src-shared/profile/validate'
import { periodicTasks, profileOf, run, sum } from './support/engine-profiles'

const costs = costsSchema.parse({})
const BATCH = 63
const out = new OwnerOpResult()

function allocator(variant: Variant, o: { high: number; highMin?: number; highMax?: number; autotune?: boolean }): PageAllocator {
  const tuning = pcpTuningOf(VARIANT_TRAITS[variant], o.autotune ?? 'release')
  const highMin = o.highMin ?? o.high
  const params = { batch: BATCH, high: o.high, highMin, highMax: tuning.autotune ? (o.highMax ?? o.high) : highMin, autotune: tuning.autotune, scaling: tuning.scaling, batchScaleMax: 5, thpPages: 512 } as DerivedPcp
  return { zone: new Zone(10_000_000), pcp: new PerCpuPages(1, BATCH, o.high, 512), params, costs, traits: VARIANT_TRAITS[variant] }
}

/** Frees one page at a time until a commit bulk-frees; returns the count that commit found. */
function countAtBulkFree(k: PageAllocator): number {
  for (;;) {
    const before = k.pcp.count[0]
    freeUnrefPages(k, 0, 1, false, 0, out)
    if (k.pcp.count[0] <= before) return before + 1
  }
}

describe('≤ 6.6: nr_pcp_high() under ZONE_RECLAIM_ACTIVE', () => {
  it('frees in bulk at batch << 2 instead of high, and leaves pcp->high alone', () => {
    const k = allocator('direct-irqon', { high: 1000 })
    k.zone.reclaimActive = true
    expect(countAtBulkFree(k)).toBe(4 * BATCH)
    expect(k.pcp.high[0]).toBe(1000)
    k.zone.reclaimActive = false
    expect(countAtBulkFree(k)).toBe(1000)
  })

  it('a high below batch << 2 stays the bound', () => {
    const k = allocator('workqueue', { high: 200 })
    k.zone.reclaimActive = true
    expect(countAtBulkFree(k)).toBe(200)
  })
})

describe('6.7+: nr_pcp_high() under ZONE_RECLAIM_ACTIVE and ZONE_BELOW_HIGH', () => {
  it('each commit lowers pcp->high by max(free_count, batch) to high_min, and the bound is min(batch << 2, high)', () => {
    const k = allocator('direct-chunked', { high: 5000, highMin: 1000, highMax: 20_000 })
    k.zone.reclaimActive = true
    freeUnrefPages(k, 0, 1, false, 0, out)
    // free_count 1 after this commit: lowered by batch
    expect(k.pcp.high[0]).toBe(5000 - BATCH)
    expect(countAtBulkFree(k)).toBe(4 * BATCH)
    expect(k.pcp.high[0]).toBe(1000)
  })

  it('with free_count above batch, a commit lowers high by free_count', () => {
    const k = allocator('direct-chunked', { high: 5000, highMin: 1000, highMax: 20_000 })
    k.pcp.freeCount[0] = 499
    k.zone.reclaimActive = true
    freeUnrefPages(k, 0, 1, false, 0, out)
    expect(k.pcp.high[0]).toBe(4500)
  })

  it('ZONE_BELOW_HIGH alone: a commit at count ≥ high_min frees, and the bulk free clears the bit once kswapd is done', () => {
    const k = allocator('direct-chunked', { high: 5000, highMin: 1000, highMax: 20_000 })
    const told: number[] = []
    k.zone.watchFlags({ zoneFlagsChanged: (now) => told.push(now) })
    k.zone.belowHigh = true
    k.pcp.add(0, 999)
    freeUnrefPages(k, 0, 1, false, 7, out)
    expect(k.pcp.count[0]).toBeLessThan(1000)
    expect(k.zone.belowHigh).toBe(false)
    expect(told).toEqual([7])
  })

  it('ZONE_BELOW_HIGH stays set through bulk frees while kswapd reclaims (the zone is below its high watermark)', () => {
    const k = allocator('direct-chunked', { high: 5000, highMin: 1000, highMax: 20_000 })
    k.zone.setReclaimActive(true, true, 0)
    countAtBulkFree(k)
    expect(k.zone.belowHigh).toBe(true)
    k.zone.setReclaimActive(false, true, 1)
    expect(k.zone.belowHigh).toBe(true)
  })

  it('without auto-tuning (high_min = high_max) only ZONE_RECLAIM_ACTIVE counts', () => {
    const k = allocator('direct-chunked', { high: 1000, autotune: false })
    k.zone.belowHigh = true
    expect(countAtBulkFree(k)).toBe(1000)
    k.zone.reclaimActive = true
    expect(countAtBulkFree(k)).toBe(4 * BATCH)
    expect(k.pcp.high[0]).toBe(1000)
  })

  it('nr_pcp_alloc() does not raise high below the high watermark', () => {
    const k = allocator('direct-chunked', { high: 1000, highMin: 1000, highMax: 20_000 })
    rmqueuePcplist(k, 0, 1, 0, out)
    expect(k.pcp.high[0]).toBe(1000 + BATCH)
    k.zone.belowHigh = true
    rmqueuePcplist(k, 0, k.pcp.count[0] + 1, 0, out)
    expect(k.pcp.high[0]).toBe(1000 + BATCH)
  })
})

describe('freeHighBound() is where nr_pcp_high() first acts', () => {
  // what the owner's commit grouping and a housekeeping CPU's walk of local frees rely on
  it('commits below the bound change nothing but the counters; the one reaching it frees or changes high', () => {
    const variants = ['direct', 'direct-chunked'] as const
    fc.assert(fc.property(
      fc.constantFrom(...variants), fc.boolean(), fc.boolean(), fc.boolean(),
      fc.integer({ min: 64, max: 1200 }), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }),
      (variant, autotune, reclaim, belowHigh, highMin, extra, countSeed, freeCount) => {
        const k = allocator(variant, { high: highMin + extra, highMin, highMax: highMin + 8000, autotune })
        k.zone.reclaimActive = reclaim
        k.zone.belowHigh = belowHigh
        k.pcp.freeCount[0] = freeCount
        const bound = freeHighBound(k, 0)
        const count = Math.min(countSeed, Math.max(0, bound - 1))
        k.pcp.add(0, count)
        for (let c = count + 1; c <= bound; c++) {
          const high = k.pcp.high[0]
          k.pcp.add(0, 1)
          countFrees(k, 0, 1, 1)
          const limit = nrPcpHigh(k, 0)
          const acted = k.pcp.count[0] >= limit || k.pcp.high[0] !== high
          // the last commit (count reaches the bound) is where the kernel acts; none before it
          expect(acted).toBe(c === bound)
        }
      }), { seed: 7, numRuns: 400 })
  })
})

describe('a housekeeping CPU\'s walk of local bursts under the flags (workload/local-run.ts)', () => {
  const streams = (seed: number) => ['marks', 'times', 'reads'].map((name) => new RandomStream(seed, name))

  it('draws no free as local while every 6.7+ commit lowers pcp->high: each such free runs as an event', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const k = allocator('direct-chunked', { high: 2000, highMin: 256, highMax: 20_000 })
      k.zone.belowHigh = true
      k.pcp.add(0, 100)
      expect(commitsLowerHigh(k, 0)).toBe(true)
      const [marks, times, reads] = streams(seed)
      const run = new LocalRun(k, 0, 8, 1e5, 1e5, 0, 4096, marks, times, reads)
      run.plan(0, 10_000, Infinity)
      expect(run.take(Infinity, 0).frees, `seed ${seed}`).toBe(0)
    }
  })

  it('keeps its plan at a flag change exactly when no free drawn as local reaches the new bound, counted from the list it was planned at', () => {
    for (let seed = 1; seed <= 20; seed++) {
      // frees only, one page each: the walk climbs from 100 to one below high
      const k = allocator('direct', { high: 400 })
      k.pcp.add(0, 100)
      const [marks, times, reads] = streams(seed)
      const run = new LocalRun(k, 0, 1, Infinity, 1e4, 0, 4096, marks, times, reads)
      run.plan(0, 10_000, Infinity)
      const n = run.pending
      expect(n).toBeGreaterThan(100)
      // some bursts applied: the list moved on from where the walk was planned
      k.pcp.add(0, run.take(run.contactAt / 2, 0).pages)
      k.pcp.high[0] = 100 + n + 1
      expect(run.staysLocal()).toBe(true)
      k.pcp.high[0] = 100 + n
      expect(run.staysLocal()).toBe(false)
    }
  })

  it('answers as the scan of the bursts left does for every new bound, also those at least as wide as the one the walk was drawn under (which skip it)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      // allocations and frees at equal rates, one page each: a fair walk that ends at either bound
      const k = allocator('direct', { high: 200 })
      k.pcp.add(0, 150)
      const [marks, times, reads] = streams(seed)
      const run = new LocalRun(k, 0, 1, 1e4, 1e4, 0, 4096, marks, times, reads)
      run.plan(0, 10_000, Infinity)
      k.pcp.add(0, run.take(run.contactAt / 3, 0).pages)
      // the walk and its bursts not yet applied (first..n-1), which staysLocal() reads
      const { walk, first, n } = run as unknown as { walk: { highestAfter(first: number, end: number): number }; first: number; n: number }
      // every bound from far below the list to past the one the walk was drawn under (high 200: position 49)
      for (let high = 120; high <= 260; high++) {
        k.pcp.high[0] = high
        // positions count in pages (unit 1) from the 150 the walk was planned at; a free to `high` is not local
        const scan = n === first || walk.highestAfter(first, n) <= high - 150 - 1
        expect(run.staysLocal(), `seed ${seed}, high ${high}`).toBe(scan)
      }
    }
  })
})

describe('kswapd balances before reclaim drains', () => {
  const input = (balance: { kswapdLeadMs?: number; kswapdBalanceMs?: number }, memoryGiB = 64) => ({
    schemaVersion: 1 as const,
    machine: { cpus: 8, isolated: '6-7', memoryGiB },
    rtTasks: periodicTasks([6, 7], { initialPcpPages: 0 }),
    housekeeping: { allocRatePagesPerSec: 200_000, freeRatePagesPerSec: 200_000 },
    drainSources: [{ kind: 'reclaim' as const, ratePerSec: 40, ...balance }],
    run: { durationMs: 500 }
  })

  it('ZONE_RECLAIM_ACTIVE is set exactly over the union of [max(previous drain, drain − lead), + balance]', () => {
    const drains: number[] = []
    const r = run(profileOf(input({ kswapdLeadMs: 30, kswapdBalanceMs: 7 })), 'direct', 1, { onDrainRequest: (d) => drains.push(d.tNs) })
    // an independent union of the balances, clipped to the run
    const end = 500e6
    let total = 0
    let openUntil = -Infinity
    let balances = 0
    drains.forEach((t, i) => {
      const from = Math.max(i === 0 ? 0 : drains[i - 1], t - 30e6)
      const until = Math.min(end, from + 7e6)
      if (from > openUntil) {
        balances++
        total += until - from
      } else if (until > openUntil) total += until - openUntil
      openUntil = Math.max(openUntil, until)
    })
    expect(drains.length).toBeGreaterThan(10)
    // the drain drawn past the end of the run may have begun its balance inside it
    const last = r.pcp.kswapdBalances! - balances
    expect(last === 0 || last === 1).toBe(true)
    expect(Math.abs(r.pcp.reclaimActiveNs! - total)).toBeLessThanOrEqual(last * 7e6 + drains.length)
  })

  for (const variant of ['direct', 'direct-chunked'] as const) {
    it(`${variant}: a drain inside a balance finds each housekeeping list at most batch << 2 pages`, () => {
      const inside = run(profileOf(input({ kswapdLeadMs: 1, kswapdBalanceMs: 5 })), variant)
      const without = run(profileOf(input({ kswapdBalanceMs: 0 })), variant)
      const cap = 6 * 4 * inside.pcp.batch
      expect(inside.drains.completed).toBeGreaterThan(5)
      expect(inside.drains.pagesFreed / inside.drains.completed).toBeLessThanOrEqual(cap)
      expect(without.drains.pagesFreed / without.drains.completed).toBeGreaterThan(cap)
      expect(without.pcp.kswapdBalances).toBe(0)
    })
  }

  it('with the measured lead and balance, drains find shorter lists than without kswapd — 6.7+ shortest, its high lowered to high_min', () => {
    // pages per drain with the default balance over those without one, mean of three seeds
    const ratio = (variant: Variant): number => sum([1, 2, 3].map((seed) => {
      const ppd = (balance: { kswapdBalanceMs?: number }) => {
        const r = run(profileOf({ ...input(balance, 16), run: { durationMs: 2000 } }), variant, seed)
        return r.drains.pagesFreed / r.drains.completed
      }
      return ppd({}) / ppd({ kswapdBalanceMs: 0 })
    })) / 3
    const direct = ratio('direct')
    const chunked = ratio('direct-chunked')
    // ≤ 6.6: the 0.4 ms cap trims the lists that free, and with equal allocation and free rates a list
    // takes longer than the 28 ms lead to wander back up; 6.12 also starts again from high_min
    expect(direct).toBeLessThan(0.97)
    expect(direct).toBeGreaterThan(0.6)
    expect(chunked).toBeLessThan(direct)
  })

  it('only a reclaim source has a kswapd balance: the fields elsewhere are refused, naming the field', () => {
    const v = validateProfile({ ...input({}), drainSources: [{ kind: 'cma', ratePerSec: 1, kswapdBalanceMs: 4 }] })
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.issues.map((i) => `${i.path}: ${i.message}`)).toContain('drainSources.0.kswapdBalanceMs: only a "reclaim" source\'s drains come with a kswapd balance; remove kswapdBalanceMs from this "cma" source')
  })
})
