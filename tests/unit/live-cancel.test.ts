// A live run never outlives its cancel by more than a second: the runner sees the cancel within a tick and
// sets the stop flag, which every loop — the polling loop included — reads each iteration. The job returns
// partial results with every token counted back.
import { describe, expect, it } from 'vitest'
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
})
