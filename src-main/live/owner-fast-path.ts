// The owner's side of a pcplist: rmqueue_pcplist() and free_unref_page() for one page, run by the CPU's own
// worker. Under `workqueue` (≤ 5.19) only the owner touches its list (a remote drain is a work item the owner
// runs), so the kernel's local_lock_irqsave() becomes an uncontended take of pcp->lock (which only the token
// audit ever contends). Under the `direct` family (6.0+) a remote drainer may hold pcp->lock: the owner only
// tries it, and on failure goes to the zone under zone->lock — rmqueue_buddy() / free_one_page().
import { cpuBase, HELD_COUNT, PCP_BATCH, PCP_COUNT, PCP_HIGH, PCP_LOCK, ZONE_LOCK, type LiveState } from './live-state'
import { heldPlace, movePages, pcpPlace, zonePlace } from './page-moves'
import { spinLock, spinTrylock, spinUnlock } from './spinlock'

export interface OwnerCounters {
  /** operations that failed the pcp->lock trylock and took the zone path (direct family) */
  fallbacks: number
  /** allocations that found the zone empty too */
  allocFailures: number
  /** rmqueue_bulk() refills of the list from the zone */
  refills: number
  /** free_pcppages_bulk() frees of batch pages at count >= high */
  bulkFrees: number
}

export const newOwnerCounters = (): OwnerCounters => ({ fallbacks: 0, allocFailures: 0, refills: 0, bulkFrees: 0 })

export class OwnerFastPath {
  readonly counters = newOwnerCounters()
  private readonly lockAt: number
  private readonly stopped: () => boolean

  constructor(private readonly s: LiveState, private readonly cpu: number, private readonly trylock: boolean) {
    this.lockAt = cpuBase(cpu) + PCP_LOCK
    this.stopped = () => s.stopped()
  }

  /** One page to this CPU's task; false when none could be had (the zone is empty, or the run is stopping). */
  allocPage(): boolean {
    const s = this.s
    const lock = this.takePcpLock()
    if (lock === 'stopped') return false
    if (lock === 'busy') return this.zoneOp(() => this.countAlloc(movePages(s, zonePlace(s), heldPlace(s, this.cpu), 1)))
    try {
      if (s.field(this.cpu, PCP_COUNT) === 0) {
        // rmqueue_bulk(): refill batch pages from the zone under zone->lock
        if (!spinLock(s.words, ZONE_LOCK, this.stopped)) return false
        movePages(s, zonePlace(s), pcpPlace(s, this.cpu), s.field(this.cpu, PCP_BATCH))
        spinUnlock(s.words, ZONE_LOCK)
        this.counters.refills++
      }
      return this.countAlloc(movePages(s, pcpPlace(s, this.cpu), heldPlace(s, this.cpu), 1))
    } finally {
      spinUnlock(s.words, this.lockAt)
    }
  }

  /** Frees one held page; false when the task holds none. */
  freePage(): boolean {
    const s = this.s
    if (s.field(this.cpu, HELD_COUNT) === 0) return false
    const lock = this.takePcpLock()
    if (lock === 'stopped') return false
    if (lock === 'busy') return this.zoneOp(() => movePages(s, heldPlace(s, this.cpu), zonePlace(s), 1) === 1)
    try {
      movePages(s, heldPlace(s, this.cpu), pcpPlace(s, this.cpu), 1)
      if (s.field(this.cpu, PCP_COUNT) >= s.field(this.cpu, PCP_HIGH)) {
        // free_pcppages_bulk(): batch pages back to the zone under zone->lock
        if (spinLock(s.words, ZONE_LOCK, this.stopped)) {
          movePages(s, pcpPlace(s, this.cpu), zonePlace(s), s.field(this.cpu, PCP_BATCH))
          spinUnlock(s.words, ZONE_LOCK)
          this.counters.bulkFrees++
        }
      }
      return true
    } finally {
      spinUnlock(s.words, this.lockAt)
    }
  }

  /** workqueue: the owner's own lock, waited for; direct family: one try, a failure counted as a fallback. */
  private takePcpLock(): 'held' | 'busy' | 'stopped' {
    if (!this.trylock) return spinLock(this.s.words, this.lockAt, this.stopped) ? 'held' : 'stopped'
    if (spinTrylock(this.s.words, this.lockAt)) return 'held'
    this.counters.fallbacks++
    return 'busy'
  }

  /** rmqueue_buddy() / free_one_page(): one page straight to or from the zone under zone->lock. */
  private zoneOp(op: () => boolean): boolean {
    if (!spinLock(this.s.words, ZONE_LOCK, this.stopped)) return false
    try {
      return op()
    } finally {
      spinUnlock(this.s.words, ZONE_LOCK)
    }
  }

  private countAlloc(moved: number): boolean {
    if (moved === 0) this.counters.allocFailures++
    return moved === 1
  }
}
