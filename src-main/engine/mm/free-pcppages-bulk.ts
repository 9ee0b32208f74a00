// Cost of free_pcppages_bulk(): returning a pcplist's pages to the buddy allocator under one
// zone->lock hold. The cost scales with list entries (order-0 pages and THP-sized entries).
export interface BulkFreeCosts {
  zoneLockNs: number
  tThpEntryNs: number
}

/** Lock hold time (ns) of freeing `pages` base pages of which `thpEntries` entries are THP-sized. */
export function freePcppagesBulkNs(pages: number, thpEntries: number, thpPages: number, tPageNs: number, costs: BulkFreeCosts): number {
  const order0 = pages - thpEntries * thpPages
  return Math.round(costs.zoneLockNs + order0 * tPageNs + thpEntries * costs.tThpEntryNs)
}
