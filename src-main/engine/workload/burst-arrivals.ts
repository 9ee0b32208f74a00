// The allocation and free bursts of one housekeeping CPU, drawn ahead of time in the order an engine
// with one event per burst runs them. Each kind of burst is a Poisson chain: a burst at t schedules the
// next at t + Exp(mean) (rounded, ≥ 1 ns) from its own random stream, so the arrival times do not
// depend on the pcplist state and can be drawn before the bursts are applied. Two bursts at the same
// time run in the order their events were scheduled: the earlier `pushedAt`, then — both scheduled at
// the same instant — the chain whose burst ran first then (alloc first at the start, as start() pushes).
import type { RandomStream } from '../sim/random-stream'

export const ALLOC = 0
export const FREE = 1

export class BurstArrivals {
  /** drawn bursts not yet applied: slots head..tail-1 of these arrays */
  times = new Float64Array(64)
  /** when the event-per-burst engine would have scheduled each burst (the time of its chain's previous burst) */
  pushedAts = new Float64Array(64)
  kinds = new Uint8Array(64)
  head = 0
  tail = 0
  private allocAt = Infinity
  private allocPushedAt = 0
  private freeAt = Infinity
  private freePushedAt = 0
  /** the chain whose burst ran first when both ran at the same instant last */
  private firstOnTie = ALLOC

  constructor(
    private readonly allocMeanNs: number,
    private readonly freeMeanNs: number,
    private readonly allocStream: RandomStream,
    private readonly freeStream: RandomStream
  ) {}

  /** The first burst of each chain, scheduled at time 0. */
  start(): void {
    if (this.allocMeanNs !== Infinity) this.allocAt = this.gap(this.allocStream, this.allocMeanNs)
    if (this.freeMeanNs !== Infinity) this.freeAt = this.gap(this.freeStream, this.freeMeanNs)
  }

  /** Draws the next burst into slot `tail` (the chains' next in run order); false when neither chain has one. */
  drawNext(): boolean {
    const a = this.allocAt
    const f = this.freeAt
    if (a === Infinity && f === Infinity) return false
    if (this.tail === this.times.length) this.makeRoom()
    const slot = this.tail++
    if (a < f || (a === f && (this.allocPushedAt < this.freePushedAt || (this.allocPushedAt === this.freePushedAt && this.firstOnTie === ALLOC)))) {
      if (a === f) this.firstOnTie = ALLOC
      this.times[slot] = a
      this.pushedAts[slot] = this.allocPushedAt
      this.kinds[slot] = ALLOC
      this.allocPushedAt = a
      this.allocAt = a + this.gap(this.allocStream, this.allocMeanNs)
    } else {
      if (a === f) this.firstOnTie = FREE
      this.times[slot] = f
      this.pushedAts[slot] = this.freePushedAt
      this.kinds[slot] = FREE
      this.freePushedAt = f
      this.freeAt = f + this.gap(this.freeStream, this.freeMeanNs)
    }
    return true
  }

  /** The bursts in slots head..head+n-1 were applied. */
  shift(n: number): void {
    this.head += n
    if (this.head === this.tail) this.head = this.tail = 0
  }

  /** The time to a chain's next burst: rounded to the ns, at least 1. */
  private gap(stream: RandomStream, meanNs: number): number {
    return Math.max(1, Math.round(stream.exponential(meanNs)))
  }

  /** Moves the pending bursts to the front, or doubles the arrays when they are more than half full. */
  private makeRoom(): void {
    const n = this.tail - this.head
    if (n * 2 > this.times.length) {
      const times = new Float64Array(this.times.length * 2)
      const pushedAts = new Float64Array(this.times.length * 2)
      const kinds = new Uint8Array(this.times.length * 2)
      times.set(this.times.subarray(this.head, this.tail))
      pushedAts.set(this.pushedAts.subarray(this.head, this.tail))
      kinds.set(this.kinds.subarray(this.head, this.tail))
      this.times = times
      this.pushedAts = pushedAts
      this.kinds = kinds
    } else {
      this.times.copyWithin(0, this.head, this.tail)
      this.pushedAts.copyWithin(0, this.head, this.tail)
      this.kinds.copyWithin(0, this.head, this.tail)
    }
    this.head = 0
    this.tail = n
  }
}
