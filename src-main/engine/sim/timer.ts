// A cancellable one-shot timer on the event queue, after ns-3's Timer and EventId: schedule() pushes
// an expiry tagged with a fresh id; cancel(), or scheduling again, makes the pending expiry stale.
// Cancellation is lazy, as in ns-3 and SimPy: the stale event stays in the heap and is dropped when it
// comes out, which keeps schedule and cancel O(log n) and O(1) without allocation.
import type { EventHandler, EventQueue } from './event-queue'

/** Runs when `target`'s timer expires at `now`: a function made once for the target's class (EventQueue). */
export type TimerExpiry<T> = (target: T, now: number) => void

export class Timer<T> {
  private static readonly expire: EventHandler<Timer<unknown>> = (timer, now, _arg, id) => {
    if (id === timer.id) timer.onExpiry(timer.target, now)
  }

  private id = 0
  private readonly kind: number

  /** `onExpiry(target, now)` runs when the timer expires (never for a cancelled or rescheduled expiry). */
  constructor(private readonly queue: EventQueue, private readonly onExpiry: TimerExpiry<T>, private readonly target: T) {
    this.kind = queue.register(Timer.expire, this as Timer<unknown>)
  }

  /** Expires at `at`; an expiry still pending is cancelled. */
  schedule(at: number): void {
    this.queue.push(at, this.kind, 0, ++this.id)
  }

  cancel(): void {
    this.id++
  }
}
