// Timers 0..n-1 of one component that share an expiry handler, kept in order by the set itself rather than as
// events in the queue's heap: a winner tree (a tournament) over their expiry times. Rescheduling a timer
// replaces its expiry in place — no stale event left in the heap to pop and drop, as Timer's lazy cancellation
// leaves — and costs log2(n) comparisons, where a push into the shared heap moved an event's five fields at
// each level of a larger heap. The housekeeping load keeps one timer per CPU for its contacts, the heavy
// scenario's 1.8 M events; under `direct` one expiry in nine was stale.
//
// The queue (EventQueue.attach) pops the set's earliest timer when it comes before the heap's head by
// (time, sequence number), with sequence numbers from the queue's own count: events run in exactly the order
// the heap alone would run them (tests/engine/sim-core.test.ts).
import type { EventHandler, EventQueue, TimerOrder } from './event-queue'

/** Runs when timer `index` of `target`'s set expires at `now`: a function made once for the target's class (EventQueue). */
export type TimerSetExpiry<T> = (target: T, index: number, now: number) => void

export class TimerSet<T> implements TimerOrder {
  private static readonly expire: EventHandler<TimerSet<unknown>> = (set, now, index) => set.onExpiry(set.target, index, now)

  readonly kind: number
  /** expiry time and sequence number per timer; Infinity: not pending */
  private readonly at: Float64Array
  private readonly seq: Float64Array
  /** the winner tree: node j (1 ≤ j < leaves) holds the earliest timer below it, leaf `leaves + i` holds i */
  private readonly tree: Int32Array
  private readonly leaves: number
  /** the timer the queue just popped: its path still names it until settle() (usually it is rescheduled first) */
  private popped = -1

  /** `onExpiry(target, index, now)` runs when timer `index` expires (never for a cancelled or rescheduled expiry). */
  constructor(private readonly queue: EventQueue, count: number, private readonly onExpiry: TimerSetExpiry<T>, private readonly target: T) {
    let leaves = 1
    while (leaves < count) leaves *= 2
    this.leaves = leaves
    this.at = new Float64Array(leaves).fill(Infinity)
    this.seq = new Float64Array(leaves)
    this.tree = new Int32Array(2 * leaves)
    for (let i = 0; i < leaves; i++) this.tree[leaves + i] = i
    for (let j = leaves - 1; j >= 1; j--) this.tree[j] = this.tree[2 * j]
    this.kind = queue.register(TimerSet.expire, this as TimerSet<unknown>)
    queue.attach(this)
  }

  /** Timer `index` expires at `at`; its expiry still pending is cancelled. */
  schedule(index: number, at: number): void {
    if (this.popped !== index) this.settle()
    this.popped = -1
    this.at[index] = at
    this.seq[index] = this.queue.takeSeq()
    this.update(index)
  }

  cancel(index: number): void {
    this.settle()
    if (this.at[index] === Infinity) return
    this.at[index] = Infinity
    this.update(index)
  }

  get nextAt(): number {
    this.settle()
    return this.at[this.tree[1]]
  }

  get nextSeq(): number {
    this.settle()
    return this.seq[this.tree[1]]
  }

  /** The queue pops the earliest timer: it is no longer pending; returns its index. */
  pop(): number {
    this.settle()
    const index = this.tree[1]
    this.at[index] = Infinity
    this.popped = index
    return index
  }

  /** Puts the popped timer's path right, unless a schedule of that very timer is about to (it recomputes the path anyway). */
  private settle(): void {
    if (this.popped < 0) return
    const index = this.popped
    this.popped = -1
    this.update(index)
  }

  /**
   * Recomputes the winners on timer `index`'s path to the root. The winner of the path's lower node is at hand, so
   * each level reads only the sibling's (two loads where a node's two children took four). Keys (time, sequence
   * number) are unique — every schedule takes a new sequence number — but for timers never scheduled, all at
   * Infinity, which never expire: which of those wins a node changes nothing.
   */
  private update(index: number): void {
    const at = this.at
    const seq = this.seq
    const tree = this.tree
    let node = this.leaves + index
    let w = index
    let wAt = at[index]
    for (let j = node >> 1; j >= 1; node = j, j >>= 1) {
      const s = tree[node ^ 1]
      const sAt = at[s]
      if (sAt < wAt || (sAt === wAt && seq[s] < seq[w])) {
        w = s
        wAt = sAt
      }
      tree[j] = w
    }
  }
}
