// rt-throttling: the RT runqueue may run sched_rt_runtime_us of every sched_rt_period_us — models
// sched_rt_runtime_exceeded() throttling it (the CPU goes to CFS, here the kworker, or idles) and
// sched_rt_period_timer() replenishing the budget and lifting the throttle.
import type { EventQueue } from '../../sim/event-queue'
import { Timer } from '../../sim/timer'
import type { AntiStarvation, StarvedCpu } from './anti-starvation'

export class RtThrottling implements AntiStarvation {
  throttled = false
  readonly boosted = false
  /** RT runtime used in the current period */
  private consumed = 0
  /** the RT runqueue uses up its runtime */
  private readonly exceeded: Timer

  constructor(private readonly cpu: StarvedCpu, queue: EventQueue, private readonly runtimeNs: number) {
    this.exceeded = new Timer(queue, (now) => this.onExceeded(now))
  }

  rtStarted(now: number): void {
    const left = this.runtimeNs - this.consumed
    this.exceeded.schedule(now + (left > 0 ? left : 0))
  }

  rtRan(ns: number): void {
    this.consumed += ns
  }

  rtStopped(): void {
    this.exceeded.cancel()
  }

  kworkerStarved(): void {}
  kworkerScheduled(): void {}
  kworkerRan(): void {}
  activityEnded(): void {}

  /** sched_rt_runtime_exceeded(): the RT runqueue is throttled until the next period. */
  private onExceeded(now: number): void {
    const cpu = this.cpu
    if (!cpu.rtRunning()) return
    cpu.catchUp(now)
    cpu.preemptRt(now)
    this.throttled = true
    cpu.reschedule(now)
  }

  onRtPeriod(now: number): void {
    const cpu = this.cpu
    if (!cpu.hasTask) return
    cpu.catchUp(now)
    if (cpu.rtRunning()) cpu.chargeRt(now)
    this.consumed = 0
    if (this.throttled) {
      // close the throttled stretch of the timeline before lifting the throttle
      const idle = cpu.idle()
      if (idle) cpu.closeIdleSegment(now)
      this.throttled = false
      if (idle) cpu.reschedule(now)
    } else if (cpu.rtRunning()) {
      this.rtStarted(now)
    }
  }
}
