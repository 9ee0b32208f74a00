// Which of a housekeeping CPU's drawn bursts stay on its own lists: a dry run of rmqueue_pcplist() and
// free_unref_page_list() on a copy of the CPU's count and of the pages its tasks hold. A burst is local
// when it moves `unit` order-0 pages between the list and the tasks under the owner's pcp->lock alone —
// no rmqueue_bulk() refill, no free_pcppages_bulk() (nor a 6.7+ raise of high) at count ≥ high, no
// remote drainer's pcp->lock hold, a free list of one SWAP_CLUSTER_MAX batch, no THP entry. Local bursts
// touch nothing another CPU reads without asking (sched/owner-activity.ts) and their effect is a
// count of pages, so they can be applied late and together. The first burst that is not local runs
// as an event, through the same code as every burst did before (HousekeepingLoad.onAlloc / onFree).
import type { PageAllocator } from '../mm/page-allocator'
import { SWAP_CLUSTER_MAX } from '../mm/list-free-batches'
import { ALLOC, type BurstArrivals } from './burst-arrivals'

export class LocalBurstWalk {
  /** a free burst can be local: no THP entries among the frees, and a list free of one batch */
  private readonly freesCanBeLocal: boolean

  constructor(private readonly k: PageAllocator, private readonly unit: number, thpFreeChance: number) {
    this.freesCanBeLocal = thpFreeChance === 0 && (k.traits.pcpLock !== 'pcp-spinlock' || unit <= SWAP_CLUSTER_MAX)
  }

  /**
   * How many bursts from `arrivals.head` on are local — at most `limit`, drawing more as needed, none at
   * or after `endNs` — when the CPU's tasks hold `held` pages. The burst after them, when there is one
   * before `endNs`, is the CPU's next contact.
   */
  localRun(cpu: number, arrivals: BurstArrivals, held: number, limit: number, endNs: number): number {
    const pcp = this.k.pcp
    const unit = this.unit
    const high = pcp.high[cpu]
    const lockedUntil = pcp.lockedUntil[cpu]
    // the order-0 list: an allocation never takes a THP entry
    let order0 = pcp.order0(cpu)
    const thpPages = pcp.count[cpu] - order0
    let n = 0
    for (; n < limit; n++) {
      if (arrivals.head + n === arrivals.tail && !arrivals.drawNext()) break
      const slot = arrivals.head + n
      const t = arrivals.times[slot]
      if (t >= endNs || lockedUntil > t) break
      if (arrivals.kinds[slot] === ALLOC) {
        if (order0 < unit) break
        order0 -= unit
        held += unit
      } else {
        if (!this.freesCanBeLocal || held < unit || order0 + thpPages + unit >= high) break
        order0 += unit
        held -= unit
      }
    }
    return n
  }
}
