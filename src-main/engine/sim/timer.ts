// A cancellable one-shot timer on the event queue, after ns-3's Timer and EventId: schedule() pushes
// an expiry tagged with a fresh id; cancel(), or scheduling again, makes the pending expiry stale.
// Cancellation is lazy, as in ns-3 and SimPy: the stale event stays in the heap and is dropped when it
// comes out (isExpiry() is false for it), which keeps push and cancel O(log n) and O(1) without allocation.
import type { EventQueue } from './event-queue'

export class Timer {
  private id = 0

  /** Fires as an event of `kind` with `arg` (the handler asks isExpiry() with the event's second argument). */
  constructor(private readonly queue: EventQueue, private readonly kind: number, private readonly arg: number) {}

  /** Expires at `at`; an expiry still pending is cancelled. */
  schedule(at: number): void {
    this.queue.push(at, this.kind, this.arg, ++this.id)
  }

  cancel(): void {
    this.id++
  }

  /** Whether the event carrying `id` is this timer's pending expiry (neither cancelled nor rescheduled). */
  isExpiry(id: number): boolean {
    return id === this.id
  }
}
