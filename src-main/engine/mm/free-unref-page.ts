// Owner free of order-0 pages — models free_unref_page() (single page: trylock) and
// free_unref_page_list() (a list, dropping pcp->lock every SWAP_CLUSTER_MAX pages: in 6.0–6.1 it
// spins on the lock; from 6.2 it trylocks, and a failure sends the page to the buddy allocator), then
// free_unref_page_commit(): when count reaches nr_pcp_high(), one free_pcppages_bulk() under zone->lock,
// sized by nr_pcp_free() (mm/pcp-scaling.ts), after which 6.7+ clears ZONE_BELOW_HIGH if the zone is above
// its high watermark again (mm/zone.ts).
import { freeOnePage } from './buddy-fallback'
import { freePcppagesBulk } from './free-pcppages-bulk'
import { countFrees, freeHighBound, nrPcpFree, nrPcpHigh } from './pcp-scaling'
import { SWAP_CLUSTER_MAX } from './list-free-batches'
import type { OwnerOpResult } from './owner-op-result'
import type { PageAllocator } from './page-allocator'

/** `thp`: the pages are one THP-sized entry (the single THP pcp list, 5d0a661d808f), not order-0 pages. */
export function freeUnrefPages(k: PageAllocator, cpu: number, pages: number, list: boolean, now: number, out: OwnerOpResult, thp = false): void {
  out.reset()
  const spin = k.traits.pcpLock === 'pcp-spinlock'
  if (spin && list && !thp && (k.traits.listFree === 'spin' || k.pcp.lockedUntil[cpu] <= now)) {
    freeListBatches(k, cpu, pages, now, out)
    return
  }
  if (k.traits.trylockFallback && k.pcp.lockedUntil[cpu] > now) {
    // trylock failed (a single page, a THP freed through free_unref_page(), or a 6.2+ list's first
    // trylock): free_one_page() to the buddy allocator under zone->lock
    freeOnePage(k, thp ? 1 : pages, pages, now, out.zoneLock)
    out.fellBack()
    return
  }
  const t = freeUnrefPageCommit(k, cpu, pages, thp, spin, now, out, now)
  out.ns = t - now
  // the owner holds pcp->lock from taking it to the end of free_unref_page_commit, bulk frees included
  if (spin) k.pcp.ownerHolds(cpu, t)
}

/**
 * free_unref_page_list(): pcp->lock per SWAP_CLUSTER_MAX pages — 6.0–6.1 spin while a remote drainer
 * holds it; 6.2+ got the first trylock. The unlock after each batch is recorded, so that a drainer
 * arriving later takes the lock there (RemoteDrain): in 6.0–6.1 the owner's remaining batches wait for
 * its hold, in 6.2+ their trylock fails and the rest of the list goes to the buddy allocator.
 */
function freeListBatches(k: PageAllocator, cpu: number, pages: number, now: number, out: OwnerOpResult): void {
  const pcp = k.pcp
  pcp.listFree.clear(cpu)
  let t = now
  for (let added = 0; added < pages; ) {
    if (pcp.lockedUntil[cpu] > t) {
      out.spinNs += Math.round(pcp.lockedUntil[cpu] - t)
      t = pcp.lockedUntil[cpu]
    }
    const n = Math.min(SWAP_CLUSTER_MAX, pages - added)
    t = freeUnrefPageCommit(k, cpu, n, false, true, t, out, now)
    added += n
    pcp.listFree.push(cpu, t, added)
  }
  out.ns = t - now
  pcp.ownerHolds(cpu, t)
}

/**
 * free_unref_page_commit() of `pages` order-0 pages (one commit each) or one THP entry from `t` under
 * pcp->lock, in the owner operation at `now`; returns when it ends. The commits before the one that finds
 * count ≥ nr_pcp_high() only add and count (mm/pcp-scaling.ts freeHighBound); that one runs one
 * free_pcppages_bulk() of nr_pcp_free() pages under zone->lock.
 */
function freeUnrefPageCommit(k: PageAllocator, cpu: number, pages: number, thp: boolean, spin: boolean, t: number, out: OwnerOpResult, now: number): number {
  const c = k.costs
  const pcp = k.pcp
  const fast = (thp ? 1 : pages) * c.ownerCriticalSectionNs
  const overhead = spin ? Math.round(fast * c.fastPathOverhead) : 0
  out.overheadNs += overhead
  t += Math.round(fast) + overhead
  const pagesEach = thp ? pcp.thpPages : 1
  for (let commits = thp ? 1 : pages; commits > 0; ) {
    const n = Math.min(commits, Math.max(1, Math.ceil((freeHighBound(k, cpu) - pcp.count[cpu]) / pagesEach)))
    if (thp) pcp.addThp(cpu)
    else pcp.add(cpu, n)
    countFrees(k, cpu, n, pagesEach)
    commits -= n
    const high = nrPcpHigh(k, cpu)
    if (pcp.count[cpu] < high) continue
    // free_pcppages_bulk(…, pindex) drains the list just freed to first
    freePcppagesBulk(k, cpu, nrPcpFree(k, cpu, high), c.tPageLocalNs, t, out.zoneLock, 0, thp)
    const wait = out.zoneLock.waitNs
    const hold = out.zoneLock.holdNs
    out.zoneWaitNs += wait
    out.slowNs += wait + hold
    t += wait + hold
    // an owner operation's effects all land at its event time, as its pages do
    k.zone.freedInBulk(now)
  }
  return t
}
