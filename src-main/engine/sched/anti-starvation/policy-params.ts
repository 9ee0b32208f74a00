// The anti-starvation policy of a run, in ns: rt-throttling (sched_rt_runtime_us / sched_rt_period_us),
// the 6.12+ deferred fair server, stalld, or none (sched_rt_runtime_us = -1).
import type { Profile } from '../../../../src-shared/profile/schema'

export interface AntiStarvationPolicy {
  kind: Profile['kernel']['antiStarvation']['policy']
  rtRuntimeNs: number
  rtPeriodNs: number
  fairServerRuntimeNs: number
  fairServerPeriodNs: number
  stalldThresholdNs: number
  stalldBoostRuntimeNs: number
  stalldBoostPeriodNs: number
  stalldBoostDurationNs: number
}

export function antiStarvationPolicy(profile: Profile): AntiStarvationPolicy {
  const a = profile.kernel.antiStarvation
  const ns = (us: number) => Math.round(us * 1000)
  return {
    kind: a.policy,
    rtRuntimeNs: ns(a.runtimeUs),
    rtPeriodNs: ns(a.periodUs),
    fairServerRuntimeNs: ns(a.fairServerRuntimeUs),
    fairServerPeriodNs: ns(a.fairServerPeriodUs),
    stalldThresholdNs: ns(a.stalldThresholdUs),
    stalldBoostRuntimeNs: ns(a.stalldBoostRuntimeUs),
    stalldBoostPeriodNs: ns(a.stalldBoostPeriodUs),
    stalldBoostDurationNs: ns(a.stalldBoostDurationUs)
  }
}
