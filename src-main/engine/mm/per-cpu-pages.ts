// struct per_cpu_pages for every CPU of the zone, as parallel typed arrays: count (base pages on all
// lists), THP-sized entries among them, high (dynamic under 6.7+ auto-tuning), the counters that scale a
// zone->lock hold with consecutive frees and allocations (mm/pcp-scaling.ts) and the pcp->lock holds of a
// remote drainer and of the owner itself (6.0+ variants).
import { ListFreeBatches } from './list-free-batches'

export class PerCpuPages {
  /** pcp->count: base pages on all lists */
  readonly count: Int32Array
  /** THP-order entries on the list (each `thpPages` base pages, counted in count) */
  readonly thpEntries: Int32Array
  /** pcp->high */
  readonly high: Int32Array
  /** 5.14–6.6 pcp->free_factor: a bulk free is batch << free_factor */
  readonly freeFactor: Int8Array
  /** 6.7+ pcp->free_count: pages freed since allocations last halved it; a bulk free's size */
  readonly freeCount: Int32Array
  /** 6.7+ pcp->alloc_factor: a refill is batch << alloc_factor */
  readonly allocFactor: Int8Array
  /** pcp->lock held by a remote drainer until this time (ns); owners trylock against it */
  readonly lockedUntil: Float64Array
  /** pcp->lock held by the owner's own alloc/free critical section until this time (ns); a remote drainer spins on it */
  readonly ownerBusyUntil: Float64Array
  /** when the owner's free_unref_page_list drops pcp->lock between batches (spinlock variants) */
  readonly listFree: ListFreeBatches
  /** largest count each CPU may legitimately reach (invariant bound) */
  readonly ceiling: Int32Array
  /** Σ count over CPUs */
  total = 0
  /** THP entries among the pages the last removeForFree() took */
  lastEntries = 0

  constructor(cpus: number, readonly batch: number, high: number, readonly thpPages: number) {
    this.count = new Int32Array(cpus)
    this.thpEntries = new Int32Array(cpus)
    this.high = new Int32Array(cpus).fill(high)
    this.freeFactor = new Int8Array(cpus)
    this.freeCount = new Int32Array(cpus)
    this.allocFactor = new Int8Array(cpus)
    this.lockedUntil = new Float64Array(cpus)
    this.ownerBusyUntil = new Float64Array(cpus)
    this.listFree = new ListFreeBatches(cpus)
    this.ceiling = new Int32Array(cpus)
  }

  /** The owner holds its pcp->lock until `end` (spinlock designs); overlapping owner operations extend the hold. */
  ownerHolds(cpu: number, end: number): void {
    if (end > this.ownerBusyUntil[cpu]) this.ownerBusyUntil[cpu] = end
  }

  /** Places the pages left on a CPU's lists at start, `thpFraction` of them as THP entries. */
  fill(cpu: number, pages: number, thpFraction: number, ceiling: number): void {
    const entries = Math.floor((pages * thpFraction) / this.thpPages)
    this.count[cpu] = pages
    this.thpEntries[cpu] = entries
    this.total += pages
    // an order-0 allocation refills batch pages on top of the THP entries, which it cannot use
    this.ceiling[cpu] = Math.max(ceiling, entries > 0 ? pages + this.batch : pages)
  }

  /** Base pages on the order-0 list (count minus the THP entries' pages). */
  order0(cpu: number): number {
    return this.count[cpu] - this.thpEntries[cpu] * this.thpPages
  }

  /** Order-0 pages freed to this CPU's lists. */
  add(cpu: number, pages: number): void {
    this.count[cpu] += pages
    this.total += pages
  }

  /** One THP-sized entry freed to this CPU's THP list. */
  addThp(cpu: number): void {
    this.count[cpu] += this.thpPages
    this.thpEntries[cpu]++
    this.total += this.thpPages
  }

  /** Order-0 pages taken by an allocation from the order-0 list (the caller refilled it first when short). */
  take(cpu: number, pages: number): void {
    this.count[cpu] -= pages
    this.total -= pages
  }

  /**
   * Removes pages for free_pcppages_bulk(zone, maxPages, pcp, pindex): at most count, list by list from
   * the freeing list (`thpFirst`: the THP list, else the order-0 list), each list until it is empty or
   * maxPages are reached — a THP entry is taken whole, so the last one may overshoot maxPages.
   * `keepOrder0` order-0 pages stay: those of an owner's list free batches that have not run yet.
   * Returns the base pages removed; lastEntries holds the THP entries among them.
   */
  removeForFree(cpu: number, maxPages: number, keepOrder0 = 0, thpFirst = false): number {
    const order0 = Math.max(0, this.order0(cpu) - keepOrder0)
    let want = Math.min(maxPages, order0 + this.thpEntries[cpu] * this.thpPages)
    // whole THP entries while pages are still wanted: first when the THP list was freed to, else after order 0
    const have = this.thpEntries[cpu]
    let entries = thpFirst ? Math.min(have, Math.max(0, Math.ceil(want / this.thpPages))) : 0
    want -= entries * this.thpPages
    const fromOrder0 = Math.max(0, Math.min(order0, want))
    want -= fromOrder0
    entries += Math.min(have - entries, Math.max(0, Math.ceil(want / this.thpPages)))
    const pages = fromOrder0 + entries * this.thpPages
    this.thpEntries[cpu] -= entries
    this.count[cpu] -= pages
    this.total -= pages
    this.lastEntries = entries
    return pages
  }
}
