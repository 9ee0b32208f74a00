// model.md §8.1 for real: under `workqueue` a drain that targets a CPU whose polling task never yields
// (policy none) stays pending until the run stops — the polling loop never runs the queued work item — while
// `direct` drains that CPU's list from the requester and completes. Qualitative and timing-free beyond "the
// run ended", so it holds on a loaded machine.
import { describe, expect, it } from 'vitest'
import { runLiveJob } from '../../src-main/live/run-live'
import { pollingProfile } from '../support/live-profile'

describe('workqueue vs direct with a polling task under policy none', () => {
  it('workqueue: the drain is still pending at the end; the polling CPU ran no work item and kept its pages', async () => {
    const r = await runLiveJob({ profile: pollingProfile(400), variant: 'workqueue', seed: 1 })
    expect(r.drains).toMatchObject({ requested: 1, completed: 0, stalled: 1 })
    expect(r.drains.oldestPendingNs).toBeGreaterThan(0)
    const live = r.live!
    expect(live.workPendingAtEnd).toEqual([1])
    const poller = live.cpus.find((c) => c.cpu === 1)!
    expect(poller.role).toBe('rt')
    expect(poller.workItemsRun).toBe(0)
    expect(poller.pcpCountAtEnd).toBe(31)
    expect(r.tasks[0].activations).toBeGreaterThan(0)
    expect(live.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
  })

  it('workqueue: global drains raised while that drain waits find pcpu_drain_mutex held and are skipped', async () => {
    const profile = pollingProfile(400, { drainSources: [{ kind: 'reclaim', ratePerSec: 100, cpu: 0 }] })
    const r = await runLiveJob({ profile, variant: 'workqueue', seed: 1 })
    expect(r.drains.completed).toBe(0)
    expect(r.drains.stalled).toBe(1)
    expect(r.drains.skipped).toBeGreaterThan(0)
    expect(r.drains.requested).toBe(1 + r.drains.skipped)
  })

  it('direct: the same drain completes, the polling CPU\'s list emptied by the requester', async () => {
    const r = await runLiveJob({ profile: pollingProfile(400), variant: 'direct', seed: 1 })
    expect(r.drains).toMatchObject({ requested: 1, completed: 1, stalled: 0 })
    expect(r.drains.pagesFreed).toBeGreaterThanOrEqual(31)
    const live = r.live!
    expect(live.workPendingAtEnd).toEqual([])
    expect(live.cpus.find((c) => c.cpu === 1)).toMatchObject({ workItemsRun: 0, pcpCountAtEnd: 0 })
    expect(live.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
  })
})

describe('what a live run refuses, naming the field', () => {
  it('a run longer than the live cap', async () => {
    await expect(runLiveJob({ profile: pollingProfile(20_000), variant: 'direct', seed: 1 })).rejects.toThrow(/run\.durationMs is 20000 ms/)
  })
})
