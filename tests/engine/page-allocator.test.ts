// The mm pieces: per_cpu_pages bookkeeping, zone->lock FIFO, owner alloc/free paths per variant.
import { describe, expect, it } from 'vitest'
import { costsSchema, type Variant } from '../../src-shared/profile/schema'
import { PerCpuPages } from '../../src-main/engine/mm/per-cpu-pages'
import { Zone } from '../../src-main/engine/mm/zone'
import { OwnerOpResult } from '../../src-main/engine/mm/owner-op-result'
import { rmqueuePcplist } from '../../src-main/engine/mm/rmqueue-pcplist'
import { freeUnrefPages } from '../../src-main/engine/mm/free-unref-page'
import type { PageAllocator } from '../../src-main/engine/mm/page-allocator'
import type { DerivedPcp } from '../../src-main/engine/mm/pcp-params'
import { VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'

const costs = costsSchema.parse({})

function allocator(variant: Variant, opts: { high?: number } = {}): PageAllocator {
  const high = opts.high ?? 259
  const params = { batch: 63, high, highMin: high, highMax: high, autotune: false, scaling: 'free-factor', batchScaleMax: 5, thpPages: 512 } as DerivedPcp
  return { zone: new Zone(1_000_000), pcp: new PerCpuPages(2, 63, high, 512), params, costs, traits: VARIANT_TRAITS[variant] }
}

describe('PerCpuPages', () => {
  it('frees order-0 pages first, then whole THP entries while pages are still wanted (free_pcppages_bulk)', () => {
    const pcp = new PerCpuPages(1, 63, 10_000, 512)
    pcp.fill(0, 100 + 3 * 512, 1, 20_000)
    expect(pcp.thpEntries[0]).toBe(3)
    // 700 wanted: 100 order-0 pages, a THP entry (600 → 88 still wanted), another entry
    expect(pcp.removeForFree(0, 700)).toBe(100 + 2 * 512)
    expect(pcp.lastEntries).toBe(2)
    expect(pcp.removeForFree(0, Infinity)).toBe(512)
    expect(pcp.count[0]).toBe(0)
    expect(pcp.total).toBe(0)
  })
})

describe('zone->lock', () => {
  it('serves waiters in arrival order', () => {
    const zone = new Zone(10)
    expect(zone.acquireLock(0, 100)).toBe(0)
    expect(zone.acquireLock(10, 50)).toBe(90)
    expect(zone.acquireLock(20, 5)).toBe(130)
    expect(zone.acquireLock(1000, 5)).toBe(0)
  })
})

describe('owner fast paths', () => {
  const out = new OwnerOpResult()

  it('rmqueue_pcplist refills batch pages under zone->lock when the list is short', () => {
    const k = allocator('workqueue')
    rmqueuePcplist(k, 0, 4, 0, out)
    expect(k.pcp.count[0]).toBe(63 - 4)
    expect(k.zone.freePages).toBe(1_000_000 - 63)
    expect(out.slowNs).toBe(costs.zoneLockNs + costs.rmqueueBulkNs)
    expect(out.overheadNs).toBe(0)
  })

  it('an order-0 allocation from a list holding only THP entries refills order 0 from the buddy allocator instead of splitting an entry', () => {
    const k = allocator('workqueue', { high: 2000 })
    k.pcp.fill(0, 2 * 512, 1, 3000)
    const free = k.zone.freePages
    rmqueuePcplist(k, 0, 4, 0, out)
    expect(k.pcp.thpEntries[0]).toBe(2)
    expect(k.pcp.order0(0)).toBe(63 - 4)
    expect(k.pcp.count[0]).toBe(2 * 512 + 63 - 4)
    expect(k.zone.freePages).toBe(free - 63)
    expect(out.slowNs).toBe(costs.zoneLockNs + costs.rmqueueBulkNs)
  })

  it('a held pcp->lock makes the spinlock designs fall back to the buddy allocator, waiting for zone->lock', () => {
    for (const variant of ['direct', 'direct-irqon', 'direct-chunked'] as const) {
      const k = allocator(variant)
      k.pcp.add(0, 100)
      k.pcp.lockedUntil[0] = 5000
      k.zone.acquireLock(0, 4000) // the drainer's free_pcppages_bulk holds zone->lock until 4000
      expect(rmqueuePcplist(k, 0, 4, 1000, out)).toBe(4)
      expect(out.fallback).toBe(true)
      expect(out.zoneWaitNs).toBe(3000)
      expect(out.fallbackNs).toBe(3000 + costs.zoneLockNs + 4 * costs.buddyOpNs)
      expect(k.pcp.count[0]).toBe(100)
    }
  })

  it('a list free spins on pcp->lock in 6.0–6.1 and falls back from 6.2', () => {
    const direct = allocator('direct')
    direct.pcp.lockedUntil[0] = 5000
    freeUnrefPages(direct, 0, 10, true, 1000, out)
    expect(out.spinNs).toBe(4000)
    expect(direct.pcp.count[0]).toBe(10)
    const irqon = allocator('direct-irqon')
    irqon.pcp.lockedUntil[0] = 5000
    freeUnrefPages(irqon, 0, 10, true, 1000, out)
    expect(out.spinNs).toBe(0)
    expect(out.fallback).toBe(true)
    expect(irqon.pcp.count[0]).toBe(0)
  })
})
