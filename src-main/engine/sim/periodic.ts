// A run-level periodic event (sched_rt_period_timer, the vmstat interval, the page samples): `tick(now)`
// runs at `firstNs` and then every `periodNs`, each next event scheduled after the tick's own.
import type { EventQueue } from './event-queue'

export function schedulePeriodic(queue: EventQueue, firstNs: number, periodNs: number, tick: (now: number) => void): void {
  const kind = queue.register((now) => {
    tick(now)
    queue.push(now + periodNs, kind)
  })
  queue.push(firstNs, kind)
}
