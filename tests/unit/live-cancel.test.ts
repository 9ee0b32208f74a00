// A live run never outlives its cancel by more than a second: the runner sees the cancel within a tick and
// sets the stop flag, which every loop — the polling loop included, and its kworker in a throttle window — reads
// each iteration. The job returns partial results with every token counted back.
import { describe, expect, it } from 'vitest'
import { remoteTickPhaseNs } from '../../src-main/engine/sched/anti-starvation/policy-params'
import { runLiveJob } from '../../src-main/live/run-live'
import { pollingProfile } from '../support/live-profile'

describe('cancelling a live run', () => {
  it.each(['workqueue', 'direct'] as const)('%s: a 10 s run with a polling loop (under workqueue, a stalled drain too) stops within a second of the cancel', async (variant) => {
    let cancelAt: number | null = null
    const cancelled = () => {
      cancelAt ??= performance.now() + 200
      return performance.now() >= cancelAt
    }
    const r = await runLiveJob({ profile: pollingProfile(10_000), variant, seed: 1, cancelled })
    const stoppedAfterMs = performance.now() - cancelAt!
    expect(stoppedAfterMs).toBeLessThan(1000)
    expect(r.partial).toBe(true)
    expect(r.simulatedNs).toBeLessThan(2e9)
    expect(r.live!.terminatedWorkers).toBe(0)
    expect(r.live!.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
  })

  it('a cancel that comes while the polling loop is throttled ends the window too', async () => {
    // a remote tick early in the run charges ~100 ms against a 10 ms runtime: throttled for about ten 1 s periods
    const seed = Array.from({ length: 1000 }, (_, i) => i).find((i) => remoteTickPhaseNs(i, 1) > 60e6 && remoteTickPhaseNs(i, 1) < 200e6)!
    const profile = pollingProfile(10_000, { kernel: { antiStarvation: { policy: 'rt-throttling', runtimeUs: 10_000, periodUs: 1_000_000 } } })
    let cancelAt: number | null = null
    const cancelled = () => {
      cancelAt ??= performance.now() + 400
      return performance.now() >= cancelAt
    }
    const r = await runLiveJob({ profile, variant: 'workqueue', seed, cancelled })
    expect(performance.now() - cancelAt!).toBeLessThan(1000)
    expect(r.partial).toBe(true)
    expect(r.live!.terminatedWorkers).toBe(0)
    // the window was under way: the drain ran in it, and its time so far is recorded
    expect(r.drains.completed).toBe(1)
    expect(r.interference.find((i) => i.cpu === 1)!.bySourceNs.throttle).toBeGreaterThan(0)
    expect(r.live!.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
  })
})
