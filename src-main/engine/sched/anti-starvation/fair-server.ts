// fair-server (6.12+ deferred dl_server): a CFS task starved by RT gets fairServerRuntime every
// fairServerPeriod; deferred, the server starts only at zero laxity, period − runtime after the
// starvation began, and each later slot one period after the previous one started.
import type { EventQueue } from '../../sim/event-queue'
import type { StarvedCpu } from './anti-starvation'
import { BoostSlots } from './boost-slots'
import type { AntiStarvationPolicy } from './policy-params'

export class FairServer extends BoostSlots {
  constructor(cpu: StarvedCpu, queue: EventQueue, private readonly policy: AntiStarvationPolicy) {
    super(cpu, queue, policy.fairServerRuntimeNs)
  }

  protected nextSlotAt(now: number, continuing: boolean): number {
    const p = this.policy
    const at = continuing ? this.slotStart + p.fairServerPeriodNs : now + p.fairServerPeriodNs - p.fairServerRuntimeNs
    return Math.max(now, at)
  }
}
