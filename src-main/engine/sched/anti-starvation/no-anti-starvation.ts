// none (sched_rt_runtime_us = -1, no fair server, no stalld): nothing ever preempts the FIFO task, so a
// kworker queued behind a polling task waits forever (model.md §8.1).
import type { AntiStarvation } from './anti-starvation'

export class NoAntiStarvation implements AntiStarvation {
  readonly throttled = false
  readonly boosted = false
  rtStarted(): void {}
  rtStopped(): void {}
  kworkerStarved(): void {}
  kworkerScheduled(): void {}
  kworkerRan(): void {}
  activityEnded(): void {}
  onRtPeriod(): void {}
}
