// The event queue of the discrete-event core: a binary min-heap on typed arrays, ordered by
// (time, sequence number) so that simultaneous events run in the order they were scheduled.
// No allocation per push/pop once the arrays have grown to the working size. As in SimPy and ns-3 the
// queue knows nothing of the model: each component registers a handler for each kind of event it
// schedules, and an event is (time, kind, arg, arg2) with the handler's kind. A set of timers that keeps
// its own order (timer-set.ts) attaches to the queue instead of pushing: pop() takes whichever comes first.
//
// A handler is a function and the object it runs for, as ns-3 binds a member function to its object
// (MakeEvent(&Class::Method, obj)): the function is made once for the component's class (a static member),
// and the queue keeps the component beside it. A closure made per component, `(now) => this.onX(now)`, was
// a new function in every job: V8 compiled the first job's specialised to that job's objects and threw the
// code away when the second job made its own, so every pool worker compiled the engine's hot paths twice
// (BENCHMARKS.md, "2026-12-01, fourth").
import { DOUBLE_ZERO } from './double-zero'

/** Runs an event of its kind for `target`, the object it was registered with, at `now` with the arguments it was pushed with. */
export type EventHandler<T> = (target: T, now: number, arg: number, arg2: number) => void

/** Timers in their own order, each expiry an event of `kind` whose arg is the timer's index (TimerSet). */
export interface TimerOrder {
  readonly kind: number
  /** the earliest pending expiry's time (Infinity: none) and sequence number (from takeSeq) */
  readonly nextAt: number
  readonly nextSeq: number
  /** removes the earliest pending timer, returns its index */
  pop(): number
}

export class EventQueue {
  /** by kind: the handler and the object it runs for */
  private readonly handlers: EventHandler<unknown>[] = []
  private readonly targets: unknown[] = []
  private times: Float64Array
  private seqs: Float64Array
  private kinds: Int32Array
  private args: Int32Array
  private args2: Int32Array
  private size = 0
  private nextSeq = 0
  private readonly timerOrders: TimerOrder[] = []

  /** Filled by pop(): the popped event's fields. */
  time = DOUBLE_ZERO
  kind = 0
  arg = 0
  arg2 = 0

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity)
    this.seqs = new Float64Array(capacity)
    this.kinds = new Int32Array(capacity)
    this.args = new Int32Array(capacity)
    this.args2 = new Int32Array(capacity)
    this.markEmpty()
  }

  /**
   * An empty heap's head reads as an event at Infinity (never), so that popBefore() reads the head's time and
   * sequence number as plain doubles in every case: a branch joining the typed array's double with a constant made
   * V8 box the head's time into a fresh heap number on every pop.
   */
  private markEmpty(): void {
    this.times[0] = Infinity
    this.seqs[0] = Infinity
  }

  /** A new kind of event, run by `handler` for `target`: push events with the kind returned. */
  register<T>(handler: EventHandler<T>, target: T): number {
    // stored for any target: each is called only with the target registered beside it
    this.handlers.push(handler as EventHandler<unknown>)
    this.targets.push(target)
    return this.handlers.length - 1
  }

  /** Timers whose expiries pop() interleaves with the heap's events by (time, sequence number). */
  attach(timers: TimerOrder): void {
    this.timerOrders.push(timers)
  }

  /** The sequence number of an event scheduled now: an attached timer's expiry takes one as a push does. */
  takeSeq(): number {
    return this.nextSeq++
  }

  /** Runs the handler of the event pop() took out last (no allocation). */
  dispatchPopped(): void {
    const kind = this.kind
    this.handlers[kind](this.targets[kind], this.time, this.arg, this.arg2)
  }

  push(time: number, kind: number, arg = 0, arg2 = 0): void {
    if (this.size === this.times.length) this.grow()
    const seq = this.takeSeq()
    let i = this.size++
    // sift up
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pt = this.times[parent]
      if (pt < time || (pt === time && this.seqs[parent] < seq)) break
      this.move(parent, i)
      i = parent
    }
    this.times[i] = time
    this.seqs[i] = seq
    this.kinds[i] = kind
    this.args[i] = arg
    this.args2[i] = arg2
  }

  /** Removes the earliest event into time/kind/arg/arg2; false when empty. An event at Infinity (never) does not pop. */
  pop(): boolean {
    return this.popBefore(Infinity)
  }

  /** pop() if the earliest event comes before `limit`, else false (nothing removed). */
  popBefore(limit: number): boolean {
    let time = this.times[0]
    let seq = this.seqs[0]
    let earliest: TimerOrder | null = null
    for (const t of this.timerOrders) {
      const at = t.nextAt
      if (at < time || (at === time && t.nextSeq < seq)) {
        time = at
        seq = t.nextSeq
        earliest = t
      }
    }
    if (!(time < limit)) return false
    if (earliest !== null) {
      this.time = time
      this.kind = earliest.kind
      this.arg = earliest.pop()
      this.arg2 = 0
      return true
    }
    return this.popHeap()
  }

  /** pop() of the heap's head. */
  private popHeap(): boolean {
    if (this.size === 0) return false
    this.time = this.times[0]
    this.kind = this.kinds[0]
    this.arg = this.args[0]
    this.arg2 = this.args2[0]
    const last = --this.size
    if (last === 0) {
      this.markEmpty()
      return true
    }
    const t = this.times[last]
    const s = this.seqs[last]
    const k = this.kinds[last]
    const a = this.args[last]
    const a2 = this.args2[last]
    let i = 0
    // sift down
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      const right = child + 1
      if (right < last && (this.times[right] < this.times[child] || (this.times[right] === this.times[child] && this.seqs[right] < this.seqs[child]))) child = right
      const ct = this.times[child]
      if (t < ct || (t === ct && s < this.seqs[child])) break
      this.move(child, i)
      i = child
    }
    this.times[i] = t
    this.seqs[i] = s
    this.kinds[i] = k
    this.args[i] = a
    this.args2[i] = a2
    return true
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]
    this.seqs[to] = this.seqs[from]
    this.kinds[to] = this.kinds[from]
    this.args[to] = this.args[from]
    this.args2[to] = this.args2[from]
  }

  private grow(): void {
    const n = this.times.length * 2
    const grow64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b }
    const grow32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b }
    this.times = grow64(this.times)
    this.seqs = grow64(this.seqs)
    this.kinds = grow32(this.kinds)
    this.args = grow32(this.args)
    this.args2 = grow32(this.args2)
  }
}
