// The anti-starvation windows for real (docs/model.md §3, §8.1): under `workqueue` a drain that targets a
// polling CPU completes once the policy takes the CPU from the loop — at the rt-throttling of a remote tick,
// or in the fair server's or stalld's slot — and the polling CPU's own worker ran the work item in that window,
// where under `none` (live-workqueue-polling.test.ts) it stays pending. The policies' periods are shortened so a
// window comes within a short run; the assertions are about what happened, not how long it took.
import { describe, expect, it } from 'vitest'
import { remoteTickPhaseNs } from '../../src-main/engine/sched/anti-starvation/policy-params'
import { runLiveJob } from '../../src-main/live/run-live'
import type { RunResult } from '../../src-shared/results/types'
import { pollingProfile } from '../support/live-profile'

const MS = 1_000_000
/** The first seed whose remote tick for CPU 1 comes between 60 and 200 ms: past the drain at 50 ms, early in the run. */
const EARLY_TICK_SEED = Array.from({ length: 1000 }, (_, seed) => seed).find((seed) => {
  const phase = remoteTickPhaseNs(seed, 1)
  return phase > 60 * MS && phase < 200 * MS
})!

function expectDrainRunByThePoller(r: RunResult): void {
  expect(r.drains).toMatchObject({ requested: 1, completed: 1, stalled: 0 })
  const live = r.live!
  expect(live.workPendingAtEnd).toEqual([])
  expect(live.cpus.find((c) => c.cpu === 1)).toMatchObject({ role: 'rt', workItemsRun: 1, pcpCountAtEnd: 0 })
  expect(live.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
}

describe('workqueue + a polling task: the anti-starvation window runs the drain', () => {
  it('rt-throttling: throttled at the remote tick, the kworker drains in the window, the time shows as throttle', async () => {
    // 1.5 s holds two throttle windows (from the remote tick at 60–200 ms and a second later): on a loaded host a
    // worker thread may not be scheduled in the first
    const profile = pollingProfile(1500, { kernel: { antiStarvation: { policy: 'rt-throttling', runtimeUs: 50_000, periodUs: 100_000 } } })
    const r = await runLiveJob({ profile, variant: 'workqueue', seed: EARLY_TICK_SEED })
    expectDrainRunByThePoller(r)
    expect(r.live!.antiStarvation).toBe('rt-throttling')
    const cpu1 = r.interference.find((i) => i.cpu === 1)!.bySourceNs
    expect(cpu1.throttle).toBeGreaterThan(0)
    expect(cpu1.kworker).toBe(0)
    expect(r.tasks[0].activations).toBeGreaterThan(0)
  })

  it('fair-server: the deferred server\'s slot runs the drain, the time shows as the kworker\'s', async () => {
    const profile = pollingProfile(500, { kernel: { antiStarvation: { policy: 'fair-server', fairServerRuntimeUs: 50_000, fairServerPeriodUs: 100_000 } } })
    const r = await runLiveJob({ profile, variant: 'workqueue', seed: 1 })
    expectDrainRunByThePoller(r)
    expect(r.live!.antiStarvation).toBe('fair-server')
    const cpu1 = r.interference.find((i) => i.cpu === 1)!.bySourceNs
    expect(cpu1.kworker).toBeGreaterThan(0)
    expect(cpu1.throttle).toBe(0)
  })

  it('stalld: boosted after its threshold, the drain completes', async () => {
    const profile = pollingProfile(500, { kernel: { antiStarvation: { policy: 'stalld', stalldThresholdUs: 50_000 } } })
    const r = await runLiveJob({ profile, variant: 'workqueue', seed: 1 })
    expectDrainRunByThePoller(r)
    expect(r.live!.antiStarvation).toBe('stalld')
  })

  it('a stalld threshold longer than the run: no slot comes, the drain stays pending', async () => {
    const r = await runLiveJob({ profile: pollingProfile(300, { kernel: { antiStarvation: { policy: 'stalld' } } }), variant: 'workqueue', seed: 1 })
    expect(r.drains).toMatchObject({ completed: 0, stalled: 1 })
    expect(r.live!.workPendingAtEnd).toEqual([1])
    expect(r.live!.cpus.find((c) => c.cpu === 1)!.workItemsRun).toBe(0)
  })

  it('release on workqueue is its release\'s rt-throttling, recorded as such', async () => {
    const profile = pollingProfile(300, { kernel: { antiStarvation: { policy: 'release' } } })
    const r = await runLiveJob({ profile, variant: 'workqueue', seed: 1 })
    expect(r.live!.antiStarvation).toBe('rt-throttling')
    expect(r.live!.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
  })
})
