// The buddy path of the 6.0+ spinlock designs after a failed pcp_spin_trylock (a remote drainer holds
// pcp->lock): rmqueue_buddy() for an allocation, free_one_page() for a free, each one zone->lock hold of
// one buddy operation per page (per entry for a THP). The one implementation for every owner path: the
// owner's alloc and free (rmqueue-pcplist.ts, free-unref-page.ts) and the rest of a 6.2+ list free
// whose mid-list trylock failed (drain/remote-drain.ts).
import type { KernelCosts } from '../sim/sim-context'
import type { Zone } from './zone'
import type { ZoneLockHold } from './zone-lock-hold'

interface BuddyZone {
  readonly zone: Zone
  readonly costs: KernelCosts
}

function takeZoneLock(k: BuddyZone, entries: number, now: number, out: ZoneLockHold): void {
  const hold = Math.round(k.costs.zoneLockNs + entries * k.costs.buddyOpNs)
  out.waitNs = k.zone.acquireLock(now, hold)
  out.holdNs = hold
}

/** rmqueue_buddy() of `pages` order-0 pages from `now`; returns the pages taken (fewer when the zone ran dry). */
export function rmqueueBuddy(k: BuddyZone, pages: number, now: number, out: ZoneLockHold): number {
  const take = Math.min(pages, k.zone.freePages)
  takeZoneLock(k, take, now, out)
  k.zone.freePages -= take
  return take
}

/** free_one_page() of `pages` base pages in `entries` buddy operations from `now`. */
export function freeOnePage(k: BuddyZone, entries: number, pages: number, now: number, out: ZoneLockHold): void {
  takeZoneLock(k, entries, now, out)
  k.zone.freePages += pages
}
