// A cancellable one-shot timer on the event queue, after ns-3's Timer and EventId: schedule() pushes
// an expiry tagged with a fresh id; cancel(), or scheduling again, makes the pending expiry stale.
// Cancellation is lazy, as in ns-3 and SimPy: the stale event stays in the heap and is dropped when it
// comes out, which keeps schedule and cancel O(log n) and O(1) without allocation.
import type { EventQueue } from './event-queue'

export class Timer {
  private id = 0
  private readonly kind: number

  /** `onExpiry(now)` runs when the timer expires (never for a cancelled or rescheduled expiry). */
  constructor(private readonly queue: EventQueue, onExpiry: (now: number) => void) {
    this.kind = queue.register((now, _arg, id) => {
      if (id === this.id) onExpiry(now)
    })
  }

  /** Expires at `at`; an expiry still pending is cancelled. */
  schedule(at: number): void {
    this.queue.push(at, this.kind, 0, ++this.id)
  }

  cancel(): void {
    this.id++
  }
}
