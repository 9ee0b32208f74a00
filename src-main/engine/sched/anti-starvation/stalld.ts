// stalld: a thread runnable but starved for stalldThreshold is boosted to SCHED_DEADLINE, getting
// stalldBoostRuntime every stalldBoostPeriod for stalldBoostDuration; starving again after that
// window takes the detection threshold again.
import type { EventQueue } from '../../sim/event-queue'
import type { StarvedCpu } from './anti-starvation'
import { BoostSlots } from './boost-slots'
import type { AntiStarvationPolicy } from './policy-params'

export class Stalld extends BoostSlots {
  /** start of the current boost window (-Infinity: none, a double like the times it takes: sim/double-zero.ts) */
  private windowStart = -Infinity

  constructor(cpu: StarvedCpu, queue: EventQueue, private readonly policy: AntiStarvationPolicy) {
    super(cpu, queue, policy.stalldBoostRuntimeNs)
  }

  protected nextSlotAt(now: number, continuing: boolean): number {
    const p = this.policy
    if (continuing && this.windowStart >= 0 && now - this.windowStart < p.stalldBoostDurationNs) {
      return Math.max(now, this.slotStart + p.stalldBoostPeriodNs)
    }
    this.windowStart = -Infinity
    return now + p.stalldThresholdNs
  }

  protected override slotBegins(now: number): void {
    if (this.windowStart < 0) this.windowStart = now
  }
}
