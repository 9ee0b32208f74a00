// The live polling loop's anti-starvation windows follow the model's semantics (docs/model.md §3,
// engine/sched/anti-starvation/): rt-throttling on nohz_full throttles only at a remote tick and lifts at a
// period timer — (1 − φ) s every other second under the default 950 ms / 1 s — and the fair server's or
// stalld's slot begins the policy's delay after the kworker began to starve. Pure: times are handed in.
import { describe, expect, it } from 'vitest'
import { BoostSlotWindows } from '../../src-main/live/boost-slot-window'
import { RtThrottleWindows } from '../../src-main/live/rt-throttle-window'
import { liveStarvationParams, starvationWindows } from '../../src-main/live/starvation-window'
import { antiStarvationPolicy, remoteTickPhaseNs } from '../../src-main/engine/sched/anti-starvation/policy-params'
import { VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { pollingProfile } from '../support/live-profile'

const MS = 1_000_000

/** The windows a loop that always wants the CPU meets in [0, untilNs), stepping through time in `stepNs`. */
function throttles(w: RtThrottleWindows, untilNs: number, stepNs: number): Array<[number, number]> {
  const seen: Array<[number, number]> = []
  for (let t = 0; t < untilNs; t += stepNs) {
    const window = w.due(t)
    if (window === null) continue
    seen.push([t, window.untilNs])
    t = window.untilNs
    w.ended(t)
  }
  return seen
}

describe('rt-throttling windows (nohz_full: charged at the remote tick)', () => {
  it('default 950 ms / 1 s, remote tick φ = 300 ms: throttled from 1 s + φ to 2 s, every other second', () => {
    const w = new RtThrottleWindows(950 * MS, 1000 * MS, 0, 300 * MS)
    expect(throttles(w, 5000 * MS, MS)).toEqual([[1300 * MS, 2000 * MS], [3300 * MS, 4000 * MS]])
  })

  it('a run over the runtime is not throttled before a remote tick charges it', () => {
    const w = new RtThrottleWindows(50 * MS, 100 * MS, 0, 400 * MS)
    expect(w.due(399 * MS)).toBeNull()
    // rt_time 400 ms at the tick, a period timer takes 50 ms each 100 ms: below 50 ms at the 8th, 1200 ms
    expect(w.due(400 * MS)).toEqual({ kind: 'throttle', untilNs: 1200 * MS })
  })
})

describe('boost slots (fair-server, stalld)', () => {
  it('the slot begins the delay after the kworker began to starve, and only while its work item waits', () => {
    const w = new BoostSlotWindows(950 * MS)
    expect(w.due(10 * MS, false)).toBeNull()
    expect(w.due(100 * MS, true)).toBeNull()
    expect(w.due(1049 * MS, true)).toBeNull()
    expect(w.due(1050 * MS, true)).toEqual({ kind: 'boost', untilNs: Infinity })
    w.ended()
    expect(w.due(1100 * MS, true)).toBeNull()
    expect(w.due(1200 * MS, false)).toBeNull()
    // a new starvation waits the whole delay again
    expect(w.due(1300 * MS, true)).toBeNull()
    expect(w.due(2249 * MS, true)).toBeNull()
    expect(w.due(2250 * MS, true)).not.toBeNull()
  })
})

describe('the policy a polling loop gets is the model\'s, "release" resolved per variant', () => {
  const params = (policy: string, variant: 'workqueue' | 'direct-chunked') => {
    const profile = pollingProfile(400, { kernel: { antiStarvation: { policy } } })
    return liveStarvationParams(antiStarvationPolicy(profile, VARIANT_TRAITS[variant], 7), 1)
  }

  it('release: rt-throttling on workqueue (5.19) with the seed\'s remote tick, the deferred fair server on direct-chunked (6.12)', () => {
    expect(params('release', 'workqueue')).toEqual({ kind: 'rt-throttling', rtRuntimeNs: 950 * MS, rtPeriodNs: 1000 * MS, remoteTickAtNs: remoteTickPhaseNs(7, 1) })
    expect(params('release', 'direct-chunked')).toEqual({ kind: 'fair-server', slotDelayNs: 950 * MS })
  })

  it('stalld waits its threshold; none has no windows at all', () => {
    expect(params('stalld', 'workqueue')).toEqual({ kind: 'stalld', slotDelayNs: 60_000 * MS })
    expect(starvationWindows(params('none', 'workqueue'), 0)).toBeNull()
  })
})
