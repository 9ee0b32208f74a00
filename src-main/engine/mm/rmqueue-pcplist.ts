// Owner allocation of order-0 pages — models rmqueue_pcplist() / __rmqueue_pcplist(): take from the
// CPU's own list, refilling it with rmqueue_bulk() under zone->lock when it runs empty (nr_pcp_alloc()
// pages, mm/pcp-scaling.ts); in the spinlock designs a failed pcp->lock trylock (a remote drainer holds
// it) falls back to rmqueue_buddy().
import { rmqueueBuddy } from './buddy-fallback'
import type { OwnerOpResult } from './owner-op-result'
import type { PageAllocator } from './page-allocator'
import { countAllocations, nrPcpAlloc } from './pcp-scaling'

/** Allocates `pages` order-0 pages on `cpu`; returns the pages handed out (fewer when the zone ran dry). */
export function rmqueuePcplist(k: PageAllocator, cpu: number, pages: number, now: number, out: OwnerOpResult): number {
  out.reset()
  const c = k.costs
  const spin = k.traits.pcpLock === 'pcp-spinlock'
  if (k.traits.trylockFallback && k.pcp.lockedUntil[cpu] > now) {
    // pcp_spin_trylock failed: rmqueue_buddy() for each page under zone->lock
    const take = rmqueueBuddy(k, pages, now, out.zoneLock)
    out.fellBack()
    return take
  }
  // one rmqueue_pcplist() call per page, each past the trylock
  countAllocations(k, cpu, pages)
  // the per-order lists: an order-0 request sees only the order-0 list, never a THP entry
  let short = pages - k.pcp.order0(cpu)
  if (short > 0) {
    // rmqueue_bulk() each time the order-0 list runs empty, with the CPU's other lists still counted in
    // count; the refills of one burst share one zone->lock hold, rmqueueBulkNs per batch of pages
    const others = k.pcp.count[cpu] - k.pcp.order0(cpu)
    let wanted = 0
    // a zone running dry stops the refills (allocation failure and reclaim are not modelled)
    while (wanted < short && wanted < k.zone.freePages) wanted += nrPcpAlloc(k, cpu, others)
    const refill = Math.min(wanted, k.zone.freePages)
    const hold = Math.round(c.zoneLockNs + (refill / k.pcp.batch) * c.rmqueueBulkNs)
    const wait = k.zone.acquireLock(now, hold)
    k.zone.freePages -= refill
    k.pcp.add(cpu, refill)
    out.zoneWaitNs = wait
    out.slowNs = wait + hold
    short = pages - k.pcp.order0(cpu)
    // the zone ran dry: the allocation gets what there is (allocation failure is not modelled)
    if (short > 0) pages -= short
  }
  const fast = pages * c.ownerCriticalSectionNs
  out.overheadNs = spin ? Math.round(fast * c.fastPathOverhead) : 0
  out.ns = Math.round(fast) + out.overheadNs + out.slowNs
  k.pcp.take(cpu, pages)
  // pcp_spin_trylock succeeded: the owner holds pcp->lock for the whole operation, refill included
  if (spin) k.pcp.ownerHolds(cpu, now + out.ns)
  return pages
}
