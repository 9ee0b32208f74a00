// The anti-starvation policy of a run, in ns: rt-throttling (sched_rt_runtime_us / sched_rt_period_us),
// the 6.12+ deferred fair server, stalld, or none (sched_rt_runtime_us = -1) — the profile's, or its
// variant's release's default when the profile says "release".
import { antiStarvationOf, type VariantTraits } from '../../../../src-shared/kernel/variant-traits'
import type { Profile, RunAntiStarvationPolicy } from '../../../../src-shared/profile/schema'
import { RandomStream } from '../../sim/random-stream'

/** sched_tick_remote() runs every HZ jiffies: once a second whatever HZ is. */
export const REMOTE_TICK_NS = 1_000_000_000

export interface AntiStarvationPolicy {
  kind: RunAntiStarvationPolicy
  rtRuntimeNs: number
  rtPeriodNs: number
  fairServerRuntimeNs: number
  fairServerPeriodNs: number
  stalldThresholdNs: number
  stalldBoostRuntimeNs: number
  stalldBoostPeriodNs: number
  stalldBoostDurationNs: number
  /**
   * rt-throttling: when sched_tick_remote() first runs for an isolated CPU. It re-queues itself every second
   * from CPU bring-up, the RT period timer from the first RT enqueue: their phase is arbitrary, drawn
   * uniformly per CPU from the seed.
   */
  remoteTickAtNs(cpu: number): number
}

export function antiStarvationPolicy(profile: Profile, traits: VariantTraits, seed: number): AntiStarvationPolicy {
  const a = profile.kernel.antiStarvation
  const ns = (us: number) => Math.round(us * 1000)
  return {
    kind: antiStarvationOf(traits, a.policy),
    rtRuntimeNs: ns(a.runtimeUs),
    rtPeriodNs: ns(a.periodUs),
    fairServerRuntimeNs: ns(a.fairServerRuntimeUs),
    fairServerPeriodNs: ns(a.fairServerPeriodUs),
    stalldThresholdNs: ns(a.stalldThresholdUs),
    stalldBoostRuntimeNs: ns(a.stalldBoostRuntimeUs),
    stalldBoostPeriodNs: ns(a.stalldBoostPeriodUs),
    stalldBoostDurationNs: ns(a.stalldBoostDurationUs),
    remoteTickAtNs: (cpu) => remoteTickPhaseNs(seed, cpu)
  }
}

/** The first sched_tick_remote() for isolated CPU `cpu` in a run of `seed`: uniform in the first second. */
export function remoteTickPhaseNs(seed: number, cpu: number): number {
  return Math.floor(new RandomStream(seed, `remote-tick:${cpu}`).next() * REMOTE_TICK_NS)
}
