// A periodic task sleeps between jobs, so under `workqueue` its CPU's kworker runs the queued drain then
// (model.md §3, §8.4): the drain completes, run by the isolated CPU's own worker, and the task keeps its
// wakeup-latency distribution. Timing-free assertions only.
import { describe, expect, it } from 'vitest'
import { runLiveJob } from '../../src-main/live/run-live'
import { pollingProfile } from '../support/live-profile'

const periodic = () => pollingProfile(400, { rtTasks: [{ name: 'cyclic', cpu: 1, mode: 'periodic', periodUs: 1000, runtimeUs: 100, initialPcpPages: 31 }] })

describe('workqueue with a periodic task', () => {
  it('the drain completes: the isolated CPU ran the work item between jobs and its list is empty', async () => {
    const r = await runLiveJob({ profile: periodic(), variant: 'workqueue', seed: 1 })
    expect(r.drains).toMatchObject({ requested: 1, completed: 1, stalled: 0 })
    expect(r.drains.pagesFreed).toBeGreaterThanOrEqual(31)
    expect(r.live!.workPendingAtEnd).toEqual([])
    expect(r.live!.cpus.find((c) => c.cpu === 1)).toMatchObject({ role: 'rt', workItemsRun: 1, pcpCountAtEnd: 0 })
    const task = r.tasks[0]
    expect(task.mode).toBe('periodic')
    expect(task.activations).toBeGreaterThan(0)
    expect(task.latencyNs.count).toBe(task.activations)
    expect(task.responseNs.min).toBeGreaterThanOrEqual(100_000)
  })
})
