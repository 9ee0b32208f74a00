// The anti-starvation policy of an isolated CPU as its polling loop sees it (model.md §3): when the policy
// takes the CPU from the FIFO task, and until when. A polling task never sleeps, so only such a window lets the
// CPU's kworker run a queued drain_local_pages_wq. The policy is the model's own (policy-params.ts, "release"
// resolved for the variant by antiStarvationOf); the worker gets it as plain data, the timers it needs as times.
import type { AntiStarvationPolicy } from '../engine/sched/anti-starvation/policy-params'
import { BoostSlotWindows } from './boost-slot-window'
import { RtThrottleWindows } from './rt-throttle-window'

/** What a polling loop's worker needs of the policy, in ns (structured-cloned into the worker). */
export type LiveStarvationParams =
  | { kind: 'none' }
  /** rt-throttling: sched_rt_runtime_us / sched_rt_period_us and this CPU's first sched_tick_remote(), after the loop's start */
  | { kind: 'rt-throttling'; rtRuntimeNs: number; rtPeriodNs: number; remoteTickAtNs: number }
  /** fair-server or stalld: how long the kworker starves before its slot begins */
  | { kind: 'fair-server' | 'stalld'; slotDelayNs: number }

/** The CPU taken from the FIFO task: `throttle` until `untilNs`, or a `boost` slot while the kworker has its work item. */
export interface StarvationWindow {
  kind: 'throttle' | 'boost'
  /** a throttle's end (the period timer that lifts it); Infinity for a boost, which ends with the work item */
  untilNs: number
}

export interface StarvationWindows {
  /** The window that begins at `now`, or null; `workQueued`: a drain work item waits on this CPU. */
  due(now: number, workQueued: boolean): StarvationWindow | null
  /** The FIFO task has the CPU again at `now`. */
  ended(now: number): void
}

/**
 * The first slot's delay is the model's (fair-server.ts, stalld.ts nextSlotAt): the deferred fair server starts
 * at zero laxity, period − runtime after the starvation began; stalld after its threshold.
 */
export function liveStarvationParams(policy: AntiStarvationPolicy, cpu: number): LiveStarvationParams {
  switch (policy.kind) {
    case 'none': return { kind: 'none' }
    case 'rt-throttling': return { kind: 'rt-throttling', rtRuntimeNs: policy.rtRuntimeNs, rtPeriodNs: policy.rtPeriodNs, remoteTickAtNs: policy.remoteTickAtNs(cpu) }
    case 'fair-server': return { kind: 'fair-server', slotDelayNs: policy.fairServerPeriodNs - policy.fairServerRuntimeNs }
    case 'stalld': return { kind: 'stalld', slotDelayNs: policy.stalldThresholdNs }
  }
}

/** The loop's windows from `startNs`, when the FIFO task first got the CPU; null under none (nothing ever preempts it). */
export function starvationWindows(p: LiveStarvationParams, startNs: number): StarvationWindows | null {
  switch (p.kind) {
    case 'none': return null
    case 'rt-throttling': return new RtThrottleWindows(p.rtRuntimeNs, p.rtPeriodNs, startNs, startNs + p.remoteTickAtNs)
    case 'fair-server':
    case 'stalld': return new BoostSlotWindows(p.slotDelayNs)
  }
}
