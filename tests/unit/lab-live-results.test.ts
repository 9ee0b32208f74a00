// getResults while a run is going: a snapshot of the jobs ended so far, built by the same document builder
// as the final results, marked in progress, never written to disk.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ExperimentResults } from '../../src-shared/results/types'
import type { RunFinished, RunProgress } from '../../src-shared/api'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { BUSY_TASK, smallExperiment } from '../support/small-experiment'

const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-live-'))
// one worker: the jobs run one after the other, so the first ends long before the last
const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
afterAll(() => lab.close())

// about a second per job: the run is still far from its end when the first job is done
const fourJobs = smallExperiment('Live results test', { durationMs: 40_000, seeds: [1, 2] }, BUSY_TASK)

function finished(runId: string): Promise<RunFinished> {
  return new Promise((resolve) => {
    const off = lab.on('runFinished', (e) => {
      if (e.runId !== runId) return
      off()
      resolve(e)
    })
  })
}

/** The first progress event with a job done, and the snapshot taken in the same tick, before anything else can end. */
function snapshotAtFirstDoneJob(runId: string): Promise<{ progress: RunProgress; snapshot: Promise<ExperimentResults> }> {
  return new Promise((resolve) => {
    const off = lab.on('runProgress', (p) => {
      if (p.runId !== runId || !p.jobs.some((j) => j.status === 'completed')) return
      off()
      resolve({ progress: p, snapshot: lab.getResults({ runId }) })
    })
  })
}

describe('getResults during a run', () => {
  it('returns the ended jobs as an in-progress snapshot, then the full document once the run ends', async () => {
    const { runId } = await lab.startRun({ profile: fourJobs })
    const done = finished(runId)
    const atStart = await lab.getResults({ runId })
    expect(atStart.inProgress).toBe(true)
    expect(atStart.jobs).toEqual([])
    expect(atStart.aggregates).toEqual([])

    const first = await snapshotAtFirstDoneJob(runId)
    const snapshot = await first.snapshot
    const doneIds = first.progress.jobs.filter((j) => j.status === 'completed').map((j) => j.id)
    expect(doneIds[0]).toBe('workqueue-s1')
    expect(doneIds.length).toBeLessThan(4)
    expect(snapshot.inProgress).toBe(true)
    expect(snapshot.partial).toBeUndefined()
    expect(snapshot.jobs.map((j) => j.id)).toEqual(doneIds)
    expect(snapshot.jobs.every((j) => j.status === 'completed' && j.result !== undefined)).toBe(true)
    expect(snapshot.aggregates.length).toBeGreaterThan(0)
    expect(snapshot.aggregates).toEqual(aggregateJobs(snapshot.jobs))
    // a snapshot is never saved, nor exported
    expect(existsSync(join(dataDir, 'experiments', runId, 'results.json'))).toBe(false)
    await expect(lab.exportResults({ runId, format: 'csv' })).rejects.toMatchObject({ code: 'not-available' })
    expect(existsSync(join(dataDir, 'experiments', runId, 'exports'))).toBe(false)

    expect((await done).status).toBe('completed')
    const final = await lab.getResults({ runId })
    expect(final.inProgress).toBeUndefined()
    expect(final.jobs.map((j) => j.id)).toEqual(['workqueue-s1', 'workqueue-s2', 'direct-s1', 'direct-s2'])
    expect(final.jobs.every((j) => j.status === 'completed')).toBe(true)
    // the job seen early is the same job in the end: one builder, the same numbers
    expect(final.jobs[0]).toEqual(snapshot.jobs[0])
    expect(readdirSync(join(dataDir, 'experiments', runId)).sort()).toEqual(['profile.drainlab.json', 'results.json'])
  })
})
