// One housekeeping CPU's bursts between two contacts, in closed form. The CPU's allocation bursts and
// free bursts are two Poisson processes (rates λa, λf); together they are one Poisson process of rate
// λ = λa + λf whose bursts are allocations with probability λa / λ, independently of their times
// (superposition and marking). A burst is local when it moves `unit` order-0 pages between the list and
// the CPU's tasks under the owner's pcp->lock alone — no rmqueue_bulk() refill, no free_pcppages_bulk()
// (nor a 6.7+ raise of high) at count ≥ high, no remote drainer's pcp->lock, a list free of one
// SWAP_CLUSTER_MAX batch, no THP entry — so local bursts are a ±unit random walk of the list between
// two barriers, seen by nobody until something reads the list.
//
// plan() draws that walk step by step (one uniform per burst) until the first burst that is not local:
// the contact, which runs as an event through the same code every burst ran up to engine 0.4.1. Its time is the
// (n+1)-th arrival after `from`, Gamma(n+1, 1/λ); given it, the n local bursts fall uniformly in between
// (order statistics of a Poisson process), so take(t) — something reads the list at t — applies the
// Binomial(n, (t − from) / (contact − from)) first ones, and the rest stay uniform on (t, contact). A
// reader that changes the list makes the CPU plan again from t: the future of a Poisson process after t
// does not depend on its past. Times are rounded to the nanosecond, the engine's clock.
import type { PageAllocator } from '../mm/page-allocator'
import { SWAP_CLUSTER_MAX } from '../mm/list-free-batches'
import { batchScaled, commitsLowerHigh, countAllocations, freeHighBound, halvedTimes } from '../mm/pcp-scaling'
import { binomial } from '../sim/binomial'
import type { RandomStream } from '../sim/random-stream'
import { ALLOC, BurstWalk, FREE } from './burst-walk'
import { DOUBLE_ZERO } from '../sim/double-zero'

export { ALLOC, FREE }

/** a walk's upper bound when no free is local: below any position a walk of at most 2^30 bursts reaches */
const BELOW_ANY_WALK = -(2 ** 30)

/** What take() applied: `pages` net onto the list, `frees` of the `bursts` free bursts, `counted` after the warm-up. */
export interface TakenBursts {
  bursts: number
  pages: number
  frees: number
  counted: number
}

export class LocalRun {
  /** the contact: the first burst that is not local (Infinity: none before the end of the run) */
  contactAt = Infinity
  contactKind = ALLOC
  /** when the contact arrives, also past the end of the run */
  private arrivalAt = Infinity
  /** the local bursts not yet applied lie uniformly on (from, contactAt) */
  private from = DOUBLE_ZERO
  /** the walk's local bursts first..n-1 are not applied yet */
  private readonly walk: BurstWalk
  private first = 0
  private n = 0
  /** pcp->count when the walk was planned: its positions are counted from there */
  private planCount = 0
  /** the upper bound the walk was drawn under: no position it reached is above it */
  private planHi = 0
  readonly taken: TakenBursts = { bursts: 0, pages: 0, frees: 0, counted: 0 }
  /** the span the last take() applied its bursts in, for lastBurstAt() */
  private takenFrom = DOUBLE_ZERO
  private takenUntil = DOUBLE_ZERO
  private readonly rateNs: number
  /** a free burst can be local: no THP entries among the frees, and a list free of one batch */
  private readonly freesCanBeLocal: boolean

  constructor(
    private readonly k: PageAllocator,
    private readonly cpu: number,
    private readonly unit: number,
    allocMeanNs: number,
    freeMeanNs: number,
    thpFreeChance: number,
    maxRun: number,
    /** marks of the walk; arrival times; the reads' draws — separate, so that when the list is read does not reshuffle the walk */
    marks: RandomStream,
    private readonly times: RandomStream,
    private readonly reads: RandomStream
  ) {
    const allocRate = 1 / allocMeanNs
    this.rateNs = allocRate + 1 / freeMeanNs
    // P(allocation) as a threshold on 32 random bits
    const allocBelow = this.rateNs > 0 ? Math.round((allocRate / this.rateNs) * 4294967296) : 0
    this.walk = new BurstWalk(marks, allocBelow, maxRun)
    this.freesCanBeLocal = thpFreeChance === 0 && (k.traits.pcpLock !== 'pcp-spinlock' || unit <= SWAP_CLUSTER_MAX)
  }

  /** Bursts not yet applied before the contact. */
  get pending(): number {
    return this.n - this.first
  }

  /**
   * Draws the CPU's bursts from `from` on, given its list now and the `held` pages its tasks hold, to
   * the first that is not local (or the maxRun+1-th, which then runs as an event all the same).
   */
  plan(from: number, held: number, endNs: number): void {
    this.first = 0
    this.n = 0
    this.contactAt = this.arrivalAt = Infinity
    if (this.rateNs === 0) return
    const lockedUntil = this.k.pcp.lockedUntil[this.cpu]
    if (lockedUntil > from) {
      // a remote drainer holds pcp->lock: a burst before it lets go meets it
      const at = from + this.gap(1)
      if (at < lockedUntil) {
        this.walk.walk(0, -1)
        this.arrive(at, this.walk.kind, endNs)
        return
      }
      // no burst until then: the process starts afresh when the lock is released
      from = lockedUntil
    }
    // the walk's bounds, in bursts from here: an allocation needs `unit` order-0 pages on the list (no
    // rmqueue_bulk() refill); a free needs `unit` pages held by the tasks, and count + unit below the
    // bound nr_pcp_high() sets (no free_pcppages_bulk(), no 6.7+ change of high: freeHighBound) — and one
    // batch, no THP entry (freesCanBeLocal) — and no free is local while every 6.7+ commit lowers pcp->high
    // (commitsLowerHigh). A list above the bound (kswapd just lowered it) walks no step.
    const pcp = this.k.pcp
    const unit = this.unit
    const count = pcp.count[this.cpu]
    this.planCount = count
    const lo = -Math.floor(pcp.order0(this.cpu) / unit)
    const freesLocal = this.freesCanBeLocal && !commitsLowerHigh(this.k, this.cpu)
    const hi = freesLocal ? Math.min(Math.floor(held / unit), Math.ceil((freeHighBound(this.k, this.cpu) - count) / unit) - 1) : -Infinity
    // as small integers: -0 and -Infinity (no free is local) would reach the walk as boxed numbers, one each per plan
    this.planHi = hi === -Infinity ? BELOW_ANY_WALK : hi | 0
    const n = this.walk.walk(lo | 0, this.planHi)
    this.n = n
    this.from = from
    // the share of the bursts a reader at t sees is taken against this arrival, also past the end of the run
    this.arrive(from + this.gap(n + 1), this.walk.kind, endNs)
  }

  /**
   * Whether the bursts drawn as local stay local now that a zone flag changed (mm/zone.ts): no free among them
   * reaches the new bound (mm/pcp-scaling.ts freeHighBound) — or, while every 6.7+ commit lowers pcp->high
   * (commitsLowerHigh), there is no free among them. Then the plan stands: a wider bound leaves the contact a
   * burst that may turn out local, and any burst may run as an event (as the maxRun+1-th does), so the
   * process is the same without drawing again. Positions count from the list the walk was planned at.
   */
  staysLocal(): boolean {
    const pending = this.n - this.first
    if (pending === 0) return true
    if (commitsLowerHigh(this.k, this.cpu)) return this.walk.frees(this.first, pending) === 0
    const hi = Math.ceil((freeHighBound(this.k, this.cpu) - this.planCount) / this.unit) - 1
    // a bound at least as wide as the one the walk was drawn under holds every position it reached
    return hi >= this.planHi || this.walk.highestAfter(this.first, this.n) <= hi
  }

  private arrive(at: number, kind: number, endNs: number): void {
    this.arrivalAt = at
    this.contactAt = at < endNs ? at : Infinity
    this.contactKind = kind
  }

  /**
   * Applies the local bursts that come before `t` (all of them when t ≥ the contact): returns what they
   * add up to, in `taken`. Bursts before `warmupNs` are not counted.
   */
  take(t: number, warmupNs: number): TakenBursts {
    const out = this.taken
    const pending = this.n - this.first
    const bursts = pending === 0 || t <= this.from ? 0 : t >= this.arrivalAt ? pending : binomial(this.reads, pending, (t - this.from) / (this.arrivalAt - this.from))
    out.bursts = bursts
    if (bursts === 0) {
      out.pages = out.frees = out.counted = 0
      if (t > this.from) this.from = t < this.arrivalAt ? t : this.arrivalAt
      return out
    }
    const frees = this.walk.frees(this.first, bursts)
    this.countLocal(bursts, frees)
    const until = t < this.arrivalAt ? t : this.arrivalAt
    const width = until - this.from
    this.takenFrom = this.from
    this.takenUntil = until
    out.counted = this.from >= warmupNs ? bursts : until <= warmupNs ? 0 : binomial(this.reads, bursts, (until - warmupNs) / width)
    out.frees = frees
    out.pages = (2 * frees - bursts) * this.unit
    this.first += bursts
    this.from = until
    return out
  }

  /**
   * The pcp counters of the `bursts` local bursts take() applies (mm/pcp-scaling.ts): ≤ 6.6 each allocation
   * halves free_factor; 6.7+ each freed page halves alloc_factor, and free_count follows the marks in order.
   * A local burst changes nothing else a contact reads: nr_pcp_high() leaves high alone below freeHighBound().
   */
  private countLocal(bursts: number, frees: number): void {
    const k = this.k
    const unit = this.unit
    if (k.params.scaling === 'free-factor') {
      countAllocations(k, this.cpu, (bursts - frees) * unit)
      return
    }
    const pcp = k.pcp
    pcp.allocFactor[this.cpu] = halvedTimes(pcp.allocFactor[this.cpu], frees * unit)
    pcp.freeCount[this.cpu] = this.walk.foldFreeCount(this.first, bursts, pcp.freeCount[this.cpu], unit, batchScaled(k))
  }

  /**
   * When the last burst the last take() applied ran: the latest of its `bursts` uniform times in the span
   * (drawn only when asked, by whoever needs to know how long the owner held pcp->lock).
   */
  lastBurstAt(): number {
    const width = this.takenUntil - this.takenFrom
    return Math.round(this.takenFrom + width * Math.pow(1 - this.reads.next(), 1 / this.taken.bursts))
  }

  /** Time to the k-th arrival of the merged process, rounded to the ns and at least 1 ns. */
  private gap(k: number): number {
    const g = k === 1 ? -Math.log(1 - this.times.next()) : this.times.gamma(k)
    return Math.max(1, Math.round(g / this.rateNs))
  }
}
