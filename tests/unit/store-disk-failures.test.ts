// Issue 9, bug 8: a read-only or full data folder is reported before the run, saying what and where; a
// save that still fails at the end keeps the run readable and says so; what a kill -9 leaves (an
// experiment folder without results, temporary files) is recovered on start. The read-only and full
// disks are real: a read-only bind mount and a small tmpfs (root only; skipped, and said, elsewhere).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RunFinished } from '../../src-shared/api'
import { createLabService, type LabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { ExperimentStore } from '../../src-main/store/experiment-store'
import { smallExperiment, BUSY_TASK } from '../support/small-experiment'
import { syntheticResults } from './lab-support/synthetic-results'

const mounts: string[] = []
afterAll(() => {
  for (const dir of mounts.reverse()) spawnSync('umount', [dir])
})

/** mounts by `args` onto a new folder; null when this machine does not let us (not root) */
function mounted(args: string[]): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'drainlab-mount-'))
  if (spawnSync('mount', [...args, dir]).status !== 0) return null
  mounts.push(dir)
  return dir
}

function readOnlyFolder(): string | null {
  const source = mkdtempSync(join(tmpdir(), 'drainlab-ro-src-'))
  const dir = mounted(['--bind', source])
  if (dir === null || spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status !== 0) return null
  return dir
}

const canMount = (() => {
  const probe = mounted(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs'])
  return probe !== null
})()
if (!canMount) console.warn('store-disk-failures: mount is not permitted here (not root); the real read-only and full-disk cases are skipped')

function finishedEvent(lab: LabService, runId: string): Promise<RunFinished> {
  return new Promise((resolve) => {
    const off = lab.on('runFinished', (e) => {
      if (e.runId === runId) {
        off()
        resolve(e)
      }
    })
  })
}

const cli = join(import.meta.dirname, '..', '..', 'bin', 'drainlab.mjs')

describe('a data folder that cannot take the results', () => {
  it.skipIf(!canMount)('read-only: LabService.startRun refuses before the run, naming the folder and the reason', async () => {
    const dataDir = readOnlyFolder()!
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      await expect(lab.startRun({ profile: smallExperiment('RO', { durationMs: 200, seeds: [1] }) })).rejects.toMatchObject({
        code: 'failed',
        message: expect.stringMatching(new RegExp(`cannot .*${dataDir}.*the file system is read-only \\(EROFS\\)`))
      })
    } finally {
      await lab.close()
    }
  })

  it.skipIf(!canMount)('read-only: the history of a data folder mounted read-only is still listed', async () => {
    const source = mkdtempSync(join(tmpdir(), 'drainlab-ro-history-'))
    const runId = '20261129-101500-archived-0a1b'
    await new ExperimentStore(source).saveResults(runId, syntheticResults(), 'completed', '2026-11-29T10:15:00.000Z')
    const dataDir = mounted(['--bind', source])!
    expect(spawnSync('mount', ['-o', 'remount,ro,bind', dataDir]).status).toBe(0)
    const store = new ExperimentStore(dataDir)
    expect((await store.listHistory()).map((e) => e.id)).toEqual([runId])
    expect((await store.readResults(runId))?.jobs.length).toBeGreaterThan(0)
  })

  it.skipIf(!canMount)('read-only: drainlab run exits 1 before any job runs, naming the folder', () => {
    const dataDir = readOnlyFolder()!
    const out = mkdtempSync(join(tmpdir(), 'drainlab-ro-out-'))
    const p = spawnSync(process.execPath, [cli, 'run', '--preset', 'control-loop-1khz', '--duration', '200ms', '--data-dir', dataDir, '--out', out], { encoding: 'utf8' })
    expect(p.status).toBe(1)
    expect(p.stderr).toContain(dataDir)
    expect(p.stderr).toMatch(/the file system is read-only \(EROFS\)/)
    expect(p.stderr).not.toMatch(/jobs \(/)
    expect(readdirSync(out)).toEqual([])
  })

  it.skipIf(!canMount)('a disk with less free space than a run needs is refused before the run', async () => {
    const dataDir = mounted(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'])!
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      await expect(lab.startRun({ profile: smallExperiment('Full', { durationMs: 200, seeds: [1] }) })).rejects.toMatchObject({
        code: 'failed',
        message: expect.stringMatching(new RegExp(`the disk holding ${dataDir} has [\\d.]+ MiB free; a run needs at least 64 MiB`))
      })
    } finally {
      await lab.close()
    }
  })

  it.skipIf(!canMount)('a disk that fills during the run: runFinished says where and why, the results stay readable', async () => {
    const dataDir = mounted(['-t', 'tmpfs', '-o', 'size=66m', 'tmpfs'])!
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      const { runId } = await lab.startRun({ profile: smallExperiment('Filling', { durationMs: 4000, seeds: [1] }, BUSY_TASK) })
      const done = finishedEvent(lab, runId)
      // another program takes the rest of the disk while the run goes
      spawnSync('dd', ['if=/dev/zero', `of=${join(dataDir, 'filler')}`, 'bs=1M', 'count=80'])
      const event = await done
      expect(event.status).toBe('completed')
      expect(event.saveError).toMatch(new RegExp(`cannot save the results in ${dataDir}/experiments/${runId}: the disk is full \\(ENOSPC\\)`))
      expect((await lab.getResults({ runId })).jobs.map((j) => j.status)).toEqual(['completed', 'completed'])
      expect((await lab.exportResults({ runId, format: 'csv' })).length).toBeGreaterThan(0)
    } finally {
      await lab.close()
    }
  })
})

describe('what a kill -9 leaves is recovered on start', () => {
  it('a CLI run killed mid-run keeps its finished jobs and is listed as partial; leftover temporary files go', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-killed-'))
    const out = mkdtempSync(join(tmpdir(), 'drainlab-killed-out-'))
    const child = spawn(process.execPath, [cli, 'run', '--preset', 'control-loop-1khz', '--duration', '60s', '--jobs', '1', '--data-dir', dataDir, '--out', out], { stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // killed as soon as its first job is saved (each of its 4 jobs takes seconds)
    const jobsDir = () => {
      const [runId] = existsSync(join(dataDir, 'experiments')) ? readdirSync(join(dataDir, 'experiments')) : []
      return runId === undefined ? null : join(dataDir, 'experiments', runId, 'jobs')
    }
    await expect.poll(() => { const dir = jobsDir(); return dir !== null && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0 }, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0)
    child.kill('SIGKILL')
    await exited
    const [runId] = readdirSync(join(dataDir, 'experiments'))
    const keptJobs = readdirSync(join(dataDir, 'experiments', runId, 'jobs')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))
    expect(existsSync(join(dataDir, 'experiments', runId, 'running.json'))).toBe(true)
    // a temporary file of a write that the kill cut short (its name carries the dead writer's pid)
    const leftover = join(dataDir, 'experiments', runId, `.results.json.${child.pid}.0123456789ab.tmp`)
    writeFileSync(leftover, 'half a document')
    // and one of a live writer, which must stay
    const live = join(dataDir, `.history.json.${process.pid}.ba9876543210.tmp`)
    writeFileSync(live, 'being written')

    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      const [entry] = await lab.listHistory({})
      expect(entry).toMatchObject({ id: runId, status: 'partial', name: '1 kHz control loop' })
      const results = await lab.getResults({ runId })
      expect(results.jobs).toHaveLength(4)
      const completed = results.jobs.filter((j) => j.status === 'completed')
      expect(completed.map((j) => j.id).sort()).toEqual(keptJobs.sort())
      for (const job of completed) expect(job.result?.tasks.length).toBeGreaterThan(0)
      for (const job of results.jobs.filter((j) => j.status !== 'completed')) {
        expect(job.error).toMatch(new RegExp(`^interrupted: the process running it \\(pid ${child.pid}, started .*\\) ended before the results were saved`))
      }
      expect((await lab.getProfile({ runId })).name).toBe(entry.name)
      expect(existsSync(leftover)).toBe(false)
      expect(existsSync(live)).toBe(true)
      expect(readdirSync(join(dataDir, 'experiments', runId)).sort()).toEqual(['profile.drainlab.json', 'results.json'])
    } finally {
      await lab.close()
    }
  })

  it('a run still going in another process is left alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-alive-'))
    const store = new ExperimentStore(dataDir)
    const runId = '20261129-101500-still-running-0a1b'
    mkdirSync(join(dataDir, 'experiments', runId), { recursive: true })
    writeFileSync(join(dataDir, 'experiments', runId, 'running.json'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2026-11-29T10:15:00.000Z' }))
    expect((await store.interruptedRuns()).found).toEqual([])
  })
})
