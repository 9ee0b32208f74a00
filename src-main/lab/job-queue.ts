// Which queued job goes to the pool next. The longest first, by the profile's event estimate (a sweep's points can
// differ a hundredfold): the last jobs to start are then the short ones, and the workers finish together instead of
// one working alone on a long job at the end. And a worker that just ended a job takes the longest queued job of
// the same kernel variant while there is one: each variant runs its own paths through the engine (its drain
// strategy, the locking its traits choose), and a worker that switches variant has V8 compile again. On 2 workers
// the pool bench's sweep spent 13 and 26 % less time compiling this way in two alternations with the old order
// (BENCHMARKS.md, "2026-12-01, third"; scripts/bench/compile-churn.ts --variant shows it per job). The price: a worker may run short jobs of its variant before a longer job of
// another, which then starts later than longest-first would have started it.
import type { Variant } from '../../src-shared/profile/schema'

export class JobQueue<T> {
  /** longest first; a stable sort keeps the plan's order among jobs of one estimate */
  private readonly queued: T[]

  constructor(items: readonly T[], estimatedEvents: (item: T) => number, private readonly variantOf: (item: T) => Variant) {
    this.queued = items
      .map((item) => ({ item, events: estimatedEvents(item) }))
      .sort((a, b) => b.events - a.events)
      .map(({ item }) => item)
  }

  get size(): number {
    return this.queued.length
  }

  /**
   * Removes and returns the longest queued job of `variant` — the variant of the job whose end freed the worker
   * this one goes to — or the longest of any when none of that variant is queued or no worker has ended a job yet
   * (null); undefined when the queue is empty.
   */
  take(variant: Variant | null): T | undefined {
    const same = variant === null ? -1 : this.queued.findIndex((item) => this.variantOf(item) === variant)
    return this.queued.splice(same < 0 ? 0 : same, 1)[0]
  }
}
