// A run-level periodic event (sched_rt_period_timer, the vmstat interval, the page samples): `tick(now)`
// runs at `firstNs` and then every `periodNs`, each next event scheduled after the tick's own.
import type { EventHandler, EventQueue } from './event-queue'

/** One tick of `target`'s periodic event at `now`: a function made once for the target's class (EventQueue). */
export type PeriodicTick<T> = (target: T, now: number) => void

class Periodic<T> {
  static readonly fire: EventHandler<Periodic<unknown>> = (periodic, now) => {
    periodic.tick(periodic.target, now)
    periodic.queue.push(now + periodic.periodNs, periodic.kind)
  }

  readonly kind: number

  constructor(readonly queue: EventQueue, readonly periodNs: number, readonly tick: PeriodicTick<T>, readonly target: T) {
    this.kind = queue.register(Periodic.fire, this as Periodic<unknown>)
  }
}

export function schedulePeriodic<T>(queue: EventQueue, firstNs: number, periodNs: number, tick: PeriodicTick<T>, target: T): void {
  queue.push(firstNs, new Periodic(queue, periodNs, tick, target).kind)
}
