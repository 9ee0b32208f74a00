// Timers 0..n-1 of one component that share an expiry handler, as Timer (timer.ts) but one event kind for all
// of them: the expiry carries its timer's index and id. The housekeeping load keeps one per CPU, the heavy
// scenario's 1.8 M contacts: a Timer each cost a closure call more per expiry, made from one call site that saw
// every CPU's closure.
import type { EventQueue } from './event-queue'

export class TimerSet {
  /** the id of each timer's pending expiry: Int32, as the queue keeps an event's arguments, so the two stay equal past 2^31 */
  private readonly ids: Int32Array
  private readonly kind: number

  /** `onExpiry(index, now)` runs when timer `index` expires (never for a cancelled or rescheduled expiry). */
  constructor(private readonly queue: EventQueue, count: number, onExpiry: (index: number, now: number) => void) {
    this.ids = new Int32Array(count)
    this.kind = queue.register((now, index, id) => {
      if (id === this.ids[index]) onExpiry(index, now)
    })
  }

  /** Timer `index` expires at `at`; its expiry still pending is cancelled. */
  schedule(index: number, at: number): void {
    this.queue.push(at, this.kind, index, ++this.ids[index])
  }

  cancel(index: number): void {
    this.ids[index]++
  }
}
