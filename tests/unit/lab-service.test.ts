import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LabError, type RunFinished, type RunProgress } from '../../src-shared/api'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { smallExperiment } from '../support/small-experiment'

const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-service-'))
const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
afterAll(() => lab.close())

const small = smallExperiment('Service test', { durationMs: 200, seeds: [1, 2] })

function finished(runId: string): Promise<RunFinished> {
  return new Promise((resolve) => {
    const off = lab.on('runFinished', (e) => {
      if (e.runId === runId) {
        off()
        resolve(e)
      }
    })
  })
}

describe('LabService', () => {
  it('hostInfo, presets and validation', async () => {
    expect((await lab.hostInfo({})).engineVersion).toMatch(/\d/)
    const presets = await lab.listPresets({})
    expect(presets.length).toBeGreaterThanOrEqual(6)
    expect((await lab.validateProfile({ profile: small })).ok).toBe(true)
    const bad = await lab.validateProfile({ profile: { ...small, machine: { cpus: 0 } } })
    expect(bad.ok).toBe(false)
  })

  it('startRun returns at once, streams bounded progress, saves results and history', async () => {
    const progress: RunProgress[] = []
    const off = lab.on('runProgress', (p) => progress.push(p))
    const { runId } = await lab.startRun({ profile: small })
    expect((await lab.getResults({ runId })).inProgress).toBe(true)
    const done = await finished(runId)
    off()
    expect(done.status).toBe('completed')
    const results = await lab.getResults({ runId })
    expect(results.jobs.map((j) => j.status)).toEqual(['completed', 'completed', 'completed', 'completed'])
    expect(results.aggregates.length).toBeGreaterThan(0)
    expect(progress[progress.length - 1].overall.fraction).toBe(1)
    const history = await lab.listHistory({})
    expect(history[0].id).toBe(runId)
    expect(history[0].headline.map((h) => h.variant)).toEqual(['workqueue', 'direct'])
    expect(readdirSync(join(dataDir, 'experiments', runId)).sort()).toEqual(['profile.drainlab.json', 'results.json'])

    const files = await lab.exportResults({ runId, format: 'csv' })
    expect(files.map((f) => f.fileName)).toContain('summary.csv')
    expect(Buffer.from(files[0].base64, 'base64').toString('utf8')).toMatch(/^variant,/)
    expect(readdirSync(join(dataDir, 'experiments', runId, 'exports'))).toContain('summary.csv')

    expect(await lab.deleteHistory({ runId })).toEqual({ deleted: true })
    expect((await lab.listHistory({})).find((h) => h.id === runId)).toBeUndefined()
    await expect(lab.getResults({ runId })).rejects.toThrow(LabError)
    expect(await lab.restoreHistory({ runId })).toEqual({ restored: true })
    expect((await lab.listHistory({}))[0].id).toBe(runId)
    expect((await lab.getResults({ runId })).jobs).toHaveLength(4)
  })

  it('rejects an invalid profile with field issues', async () => {
    const err = await lab.startRun({ profile: { ...small, rtTasks: [{ ...small.rtTasks[0], cpu: 0 }] } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LabError)
    expect((err as LabError).code).toBe('invalid-profile')
    expect((err as LabError).issues?.[0].path).toBe('rtTasks.0.cpu')
  })

  it('cancelRun stops a run; completed jobs are kept', async () => {
    // about 2.5 M events per job (~3 s here): long enough to cancel the second job midway
    const heavy = { ...small, rtTasks: [{ ...small.rtTasks[0], periodUs: 100, runtimeUs: 20, allocsPerJob: 8 }], run: { durationMs: 60_000, seeds: [1, 2, 3] } }
    const { runId } = await lab.startRun({ profile: heavy })
    const done = finished(runId)
    await new Promise<void>((resolve) => {
      const off = lab.on('runProgress', (p) => {
        // an event lists the running jobs and those that changed: the plan's second job is found by its id
        const second = p.jobs.find((j) => j.id === 'workqueue-s2')
        if (p.runId === runId && second?.status === 'running' && second.fraction > 0.05) {
          off()
          resolve()
        }
      })
    })
    expect(await lab.cancelRun({ runId })).toEqual({ cancelled: true })
    expect((await done).status).toBe('partial')
    const results = await lab.getResults({ runId })
    expect(results.partial).toBe(true)
    expect(results.jobs.map((j) => j.status)).toEqual(['completed', 'cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled'])
    expect(results.jobs[1].result?.partial).toBe(true)
    expect(results.jobs[1].result!.simulatedNs).toBeLessThan(60_000 * 1e6)
    expect(results.jobs[2].result).toBeUndefined()
    expect(results.aggregates.every((a) => a.seeds === 1 && a.variant === 'workqueue')).toBe(true)
    expect(await lab.cancelRun({ runId })).toEqual({ cancelled: false })
  })

  it('saves and opens profiles; the browser host only touches recent files or the data folder', async () => {
    const inside = join(dataDir, 'profiles', 'mine.drainlab.json')
    expect(await lab.saveProfile({ path: inside, profile: small })).toEqual({ path: inside })
    expect((await lab.openProfile({ path: inside }))?.profile.name).toBe('Service test')
    expect(await lab.listRecentProfiles({})).toEqual([inside])
    expect(await lab.openProfile({})).toBeNull()
    const outside = join(mkdtempSync(join(tmpdir(), 'drainlab-outside-')), 'x.drainlab.json')
    writeFileSync(outside, JSON.stringify(small))
    await expect(lab.openProfile({ path: outside })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(lab.saveProfile({ path: join(dataDir, 'x.txt'), profile: small })).rejects.toMatchObject({ code: 'invalid-request' })
    await expect(lab.saveProfile({ path: inside, profile: { ...small, machine: {} } })).rejects.toMatchObject({ code: 'invalid-profile' })
    // what the lab keeps for "re-run exactly" can be read but not overwritten from the page
    const kept = join(dataDir, 'experiments', 'some-run', 'profile.drainlab.json')
    await expect(lab.saveProfile({ path: kept, profile: small })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(lab.saveProfile({ path: join(dataDir, 'trash', 'r', 'profile.drainlab.json'), profile: small })).rejects.toMatchObject({ code: 'forbidden' })
  })
})
