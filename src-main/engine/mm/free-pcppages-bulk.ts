// free_pcppages_bulk(): returning a pcplist's pages to the buddy allocator under one zone->lock hold,
// and its cost, which scales with list entries (order-0 pages and THP-sized entries).
import type { PerCpuPages } from './per-cpu-pages'
import type { Zone } from './zone'
import type { ZoneLockHold } from './zone-lock-hold'

export interface BulkFreeCosts {
  zoneLockNs: number
  tThpEntryNs: number
}

/** Lock hold time (ns) of freeing `pages` base pages of which `thpEntries` entries are THP-sized. */
export function freePcppagesBulkNs(pages: number, thpEntries: number, thpPages: number, tPageNs: number, costs: BulkFreeCosts): number {
  const order0 = pages - thpEntries * thpPages
  return Math.round(costs.zoneLockNs + order0 * tPageNs + thpEntries * costs.tThpEntryNs)
}

/** The pcplists and the zone that free_pcppages_bulk() moves pages between. */
export interface BulkFreeTarget {
  readonly pcp: PerCpuPages
  readonly zone: Zone
  readonly costs: BulkFreeCosts
}

/**
 * free_pcppages_bulk(): takes about `maxPages` of `cpu`'s lists (PerCpuPages.removeForFree: the order-0
 * list first, or the THP list after a THP free; `keepOrder0` order-0 pages stay) and returns them to the
 * buddy allocator under one zone->lock hold from `now` at `tPageNs` a page. Returns the pages freed; `out`
 * gets the lock's wait and hold.
 */
export function freePcppagesBulk(k: BulkFreeTarget, cpu: number, maxPages: number, tPageNs: number, now: number, out: ZoneLockHold, keepOrder0 = 0, thpFirst = false): number {
  const pages = k.pcp.removeForFree(cpu, maxPages, keepOrder0, thpFirst)
  const hold = freePcppagesBulkNs(pages, k.pcp.lastEntries, k.pcp.thpPages, tPageNs, k.costs)
  out.waitNs = k.zone.acquireLock(now, hold)
  out.holdNs = hold
  k.zone.freePages += pages
  return pages
}

