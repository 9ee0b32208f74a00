// ZONE_DMA32's pcplists (housekeeping.dma32Share, docs/model.md §2.4): drain_all_pages(NULL) empties every
// populated zone's lists — drain_pages() walks for_each_populated_zone(), in drain_local_pages_wq() (5.19.0) and
// in __drain_all_pages()'s remote drain_pages() (6.0+, 6.12.19) — while a zone request (cma, compaction,
// offline: drain_all_pages(zone)) empties that zone's only; cpus_with_pcps looks at the same zones.
import { describe, expect, it } from 'vitest'
import type { ProfileInput, Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { profileOf, run, sum } from './support/engine-profiles'

const VARIANTS: Variant[] = ['workqueue', 'direct', 'direct-irqon', 'direct-chunked']

function machine(housekeeping: ProfileInput['housekeeping'], drainSources: ProfileInput['drainSources'], durationMs = 300): ProfileInput {
  return {
    schemaVersion: 1,
    machine: { cpus: 6, isolated: '5', memoryGiB: 8, dmaZonesMiB: 3034 },
    kernel: { antiStarvation: { policy: 'none' } },
    housekeeping,
    drainSources,
    run: { durationMs }
  }
}

/** The pages the housekeeping CPUs' lists start with in each zone: half-way between batch and high ('auto'). */
function startPages(r: ReturnType<typeof run>): { normal: number; dma32: number } {
  const half = (p: { batch: number; high: number }) => Math.floor((p.batch + p.high) / 2)
  return { normal: 5 * half(r.pcp), dma32: 5 * half(r.pcp.dma32!) }
}

describe('ZONE_DMA32 pcplists', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: drain_all_pages(NULL) frees both zones' lists, a zone request only ZONE_NORMAL's`, () => {
      const still = { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, dma32Share: 0.5 }
      const global = run(profileOf(machine(still, [{ kind: 'once', atMs: 100 }])), variant)
      const start = startPages(global)
      expect(start.dma32).toBeGreaterThan(0)
      expect(global.drains.completed).toBe(1)
      expect(global.drains.pagesFreed).toBe(start.normal + start.dma32)
      // compaction at 50/s: the first drain empties ZONE_NORMAL's lists, the later ones find none
      const zone = run(profileOf(machine(still, [{ kind: 'compaction', ratePerSec: 50 }])), variant)
      expect(zone.drains.completed).toBeGreaterThan(1)
      expect(zone.drains.pagesFreed).toBe(start.normal)
      // and ZONE_DMA32's lists stay as they started: what is stranded at the end
      expect(zone.strandedPages.values.at(-1)).toBe(start.dma32)
    })
  }

  it('under load the pages are conserved in each zone (the invariants), and drains free more as the share grows', () => {
    const pagesPerDrain = (variant: Variant, dma32Share: number) => {
      const loaded = { allocRatePagesPerSec: 100_000, freeRatePagesPerSec: 100_000, dma32Share }
      const r = run(profileOf(machine(loaded, [{ kind: 'reclaim', ratePerSec: 40 }], 1000)), variant)
      return r.drains.pagesFreed / r.drains.completed
    }
    for (const variant of VARIANTS) {
      const none = pagesPerDrain(variant, 0)
      const some = pagesPerDrain(variant, 0.3)
      // ZONE_DMA32's lists add their own high's worth: more pages, not fewer, whatever the draws
      expect(some, variant).toBeGreaterThan(none)
    }
  })

  it('after a zone request emptied ZONE_NORMAL\'s lists, drain_all_pages(NULL) still finds the CPUs with ZONE_DMA32 pages', () => {
    const still = { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, dma32Share: 0.5 }
    // compaction at 200/s drains ZONE_NORMAL's lists early; the global drain at 250 ms finds only ZONE_DMA32's
    const r = run(profileOf(machine(still, [{ kind: 'compaction', ratePerSec: 200 }, { kind: 'once', atMs: 250 }])), 'direct')
    const start = startPages(r)
    expect(r.drains.pagesFreed).toBe(start.normal + start.dma32)
  })

  it('kswapd\'s balance flags ZONE_DMA32 too: its lists that free keep at most 4 × batch pages', () => {
    // all the traffic in ZONE_DMA32, whose high (a 4 GiB zone's, THP's min_free_kbytes) is far above 4 × batch
    const input = (balance: { kswapdLeadMs?: number; kswapdBalanceMs?: number }): ProfileInput => ({
      ...machine({ allocRatePagesPerSec: 200_000, freeRatePagesPerSec: 200_000, dma32Share: 1, initialPcpPages: 0 }, [{ kind: 'reclaim', ratePerSec: 40, ...balance }], 1000),
      machine: { cpus: 6, isolated: '5', memoryGiB: 8, dmaZonesMiB: 4000 },
      kernel: { antiStarvation: { policy: 'none' }, thp: true }
    })
    const inside = run(profileOf(input({ kswapdLeadMs: 1, kswapdBalanceMs: 5 })), 'direct')
    const without = run(profileOf(input({ kswapdBalanceMs: 0 })), 'direct')
    const cap = 5 * 4 * inside.pcp.dma32!.batch
    expect(inside.pcp.dma32!.high).toBeGreaterThan(4 * 4 * inside.pcp.dma32!.batch)
    expect(inside.drains.completed).toBeGreaterThan(10)
    expect(inside.drains.pagesFreed / inside.drains.completed).toBeLessThanOrEqual(cap)
    expect(without.drains.pagesFreed / without.drains.completed).toBeGreaterThan(1.5 * cap)
  })

  it('a share of the traffic in ZONE_DMA32 needs that zone, and says so', () => {
    const v = validateProfile({ ...machine({ dma32Share: 0.2 }, []), machine: { cpus: 6, isolated: '5', memoryGiB: 8 } })
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.issues.map((i) => i.path)).toContain('housekeeping.dma32Share')
  })

  it('the result names ZONE_DMA32\'s pagesets only when its lists ran', () => {
    const still = { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0 }
    expect(run(profileOf(machine(still, [])), 'direct').pcp.dma32).toBeUndefined()
    const r = run(profileOf(machine({ ...still, dma32Share: 0.1 }, [])), 'direct')
    expect(r.pcp.dma32).toEqual({ managedPages: expect.any(Number), batch: 63, high: expect.any(Number), highMax: expect.any(Number) })
    expect(sum(r.strandedPages.values) / r.strandedPages.values.length).toBeGreaterThan(0)
  })
})
