// The anti-starvation policy of the profile, for one isolated CPU.
import type { EventQueue } from '../../sim/event-queue'
import type { AntiStarvation, StarvedCpu } from './anti-starvation'
import { FairServer } from './fair-server'
import { NoAntiStarvation } from './no-anti-starvation'
import type { AntiStarvationPolicy } from './policy-params'
import { RtThrottling } from './rt-throttling'
import { Stalld } from './stalld'

/** `cpuNumber`: the isolated CPU's number, which its remote tick's phase is drawn for. */
export function createAntiStarvation(policy: AntiStarvationPolicy, cpu: StarvedCpu, queue: EventQueue, cpuNumber: number): AntiStarvation {
  switch (policy.kind) {
    case 'none': return new NoAntiStarvation()
    case 'rt-throttling': return new RtThrottling(cpu, queue, policy.rtRuntimeNs, policy.remoteTickAtNs(cpuNumber))
    case 'fair-server': return new FairServer(cpu, queue, policy)
    case 'stalld': return new Stalld(cpu, queue, policy)
  }
}
