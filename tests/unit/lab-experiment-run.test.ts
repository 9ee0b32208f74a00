import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { RunProgress } from '../../src-shared/api'
import { validateProfile } from '../../src-shared/profile/validate'
import type { Profile } from '../../src-shared/profile/schema'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { ExperimentRun } from '../../src-main/lab/experiment-run'
import { JobPool } from '../../src-main/lab/pool/job-pool'

const fakeWorker = join(import.meta.dirname, 'lab-support', 'fake-job-worker.mjs')
const pool = new JobPool({ threads: 2, workerFilename: fakeWorker })
afterAll(() => pool.close())

function profileWith(seeds: number[]): Profile {
  const checked = validateProfile({ schemaVersion: 1, name: 'pool test', machine: { cpus: 4, isolated: '3' }, kernel: { variants: ['workqueue', 'direct'] }, run: { seeds } })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.profile
}

function start(seeds: number[], onProgress?: (p: RunProgress) => void): ExperimentRun {
  const profile = profileWith(seeds)
  const plan = planExperiment(profile)
  if (!plan.ok) throw new Error('plan')
  return new ExperimentRun({ runId: 't', profile, engineVersion: 'test', jobs: plan.jobs, pool, onProgress })
}

describe('ExperimentRun on the pool', () => {
  it('runs every job; a throwing job and a crashing worker fail alone', async () => {
    const progress: Array<{ at: number; p: RunProgress }> = []
    const t0 = Date.now()
    const run = start([1, 13, 66, 2], (p) => progress.push({ at: Date.now(), p }))
    const outcome = await run.done
    const elapsed = Date.now() - t0
    const byId = Object.fromEntries(outcome.results.jobs.map((j) => [j.id, j]))
    expect(outcome.results.jobs.map((j) => j.id)).toEqual([
      'workqueue-s1', 'workqueue-s13', 'workqueue-s66', 'workqueue-s2', 'direct-s1', 'direct-s13', 'direct-s66', 'direct-s2'
    ])
    expect(byId['workqueue-s13'].status).toBe('failed')
    expect(byId['workqueue-s13'].error).toContain('seed 13 is unlucky')
    expect(byId['direct-s66'].status).toBe('failed')
    for (const id of ['workqueue-s1', 'workqueue-s2', 'direct-s1', 'direct-s2']) expect(byId[id].status).toBe('completed')
    expect(outcome.status).toBe('partial')
    expect(outcome.failed).toBe(4)
    expect(outcome.results.partial).toBeUndefined()
    // aggregates over the completed seeds only: 2 per variant
    expect(outcome.results.aggregates.find((a) => a.variant === 'direct' && a.metric === 'misses')?.seeds).toBe(2)
    // bounded progress rate: at most 5 per second, plus the final one
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 1)
    const last = progress[progress.length - 1].p
    expect(last.overall.fraction).toBe(1)
    expect(last.counts).toEqual({ queued: 0, running: 0, completed: 4, failed: 4, cancelled: 0 })
    // each job's final status reached the listener in some event
    const heard = new Map(progress.flatMap(({ p }) => p.jobs.map((j) => [j.id, j.status] as const)))
    expect(heard).toEqual(new Map(outcome.results.jobs.map((j) => [j.id, j.status])))
  })

  it('keeps each progress event small however many jobs the run has, and still delivers every final status', async () => {
    const profile = profileWith([1])
    // every job fails at once with a long error, under a long sweep label: the worst case for an event's size
    const instant = { threads: 4, run: async () => { throw new Error('x'.repeat(20_000)) } } as unknown as JobPool
    const sizes = async (count: number) => {
      const jobs = Array.from({ length: count }, (_, i) => ({ id: `j${i}`, variant: 'direct' as const, seed: i, sweepPoint: { values: { description: 'y'.repeat(4000) } }, profile }))
      const events: RunProgress[] = []
      const outcome = await new ExperimentRun({ runId: 'big', profile, engineVersion: 'test', jobs, pool: instant, progressIntervalMs: 1, onProgress: (p) => events.push(p) }).done
      expect(outcome.failed).toBe(count)
      const heard = new Set(events.flatMap((e) => e.jobs.filter((j) => j.status === 'failed').map((j) => j.id)))
      expect(heard.size).toBe(count)
      expect(events[events.length - 1].counts.failed).toBe(count)
      return Math.max(...events.map((e) => JSON.stringify(e).length))
    }
    const small = await sizes(10)
    const large = await sizes(5000)
    expect(large).toBeLessThan(80_000)
    expect(small).toBeLessThan(80_000)
  })

  it('cancels at any moment: queued jobs are dropped, running ones stop with a partial result', async () => {
    // cancel once a job has reported work done, not after a guessed delay
    let started: () => void = () => {}
    const working = new Promise<void>((resolve) => { started = resolve })
    const run = start([400, 401, 402, 403], (p) => {
      if (p.jobs.some((j) => j.status === 'running' && j.fraction > 0)) started()
    })
    await working
    const during = run.progress()
    expect(during.jobs.some((j) => j.status === 'running')).toBe(true)
    run.cancel()
    const outcome = await run.done
    expect(outcome.cancelled).toBeGreaterThan(0)
    expect(outcome.results.partial).toBe(true)
    const partial = outcome.results.jobs.filter((j) => j.status === 'cancelled' && j.result !== undefined)
    expect(partial.length).toBeGreaterThan(0)
    for (const j of partial) expect(j.result!.partial).toBe(true)
    expect(outcome.results.jobs.filter((j) => j.status === 'cancelled' && j.result === undefined).length).toBeGreaterThan(0)
  })
})

describe('a worker entry that cannot load', () => {
  it('fails every job with the load error; the lab keeps running', async () => {
    const broken = new JobPool({ threads: 1, workerFilename: join(import.meta.dirname, 'lab-support', 'unloadable-job-worker.mjs') })
    try {
      const profile = profileWith([1, 2])
      const plan = planExperiment(profile)
      if (!plan.ok) throw new Error('plan')
      const outcome = await new ExperimentRun({ runId: 'b', profile, engineVersion: 'test', jobs: plan.jobs, pool: broken }).done
      expect(outcome.status).toBe('failed')
      expect(outcome.results.jobs.every((j) => j.status === 'failed' && /drainlab-no-such-package/.test(j.error ?? ''))).toBe(true)
    } finally {
      await broken.close()
    }
  })
})

describe('a worker entry that cannot start', () => {
  it('is tried once per run, not once per job', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'drainlab-starts-')), 'starts.log')
    process.env.DRAINLAB_TEST_START_LOG = log
    const broken = new JobPool({ threads: 1, workerFilename: join(import.meta.dirname, 'lab-support', 'counting-unloadable-job-worker.mjs') })
    try {
      const profile = profileWith([1, 2, 3, 4])
      const plan = planExperiment(profile)
      if (!plan.ok) throw new Error('plan')
      const outcome = await new ExperimentRun({ runId: 'e', profile, engineVersion: 'test', jobs: plan.jobs, pool: broken }).done
      expect(outcome.results.jobs).toHaveLength(8)
      expect(outcome.results.jobs.every((j) => j.status === 'failed' && /cannot start/.test(j.error ?? ''))).toBe(true)
      expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(1)
    } finally {
      delete process.env.DRAINLAB_TEST_START_LOG
      await broken.close()
    }
  })
})

describe('a warm pool', () => {
  it('starts its worker entry before any job is submitted', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'drainlab-warm-')), 'starts.log')
    process.env.DRAINLAB_TEST_START_LOG = log
    // this entry fails to start: the pool must take that quietly (no job is waiting for it)
    const warm = new JobPool({ threads: 1, workerFilename: join(import.meta.dirname, 'lab-support', 'counting-unloadable-job-worker.mjs'), warm: true })
    try {
      const started = () => { try { return readFileSync(log, 'utf8').split('\n').filter(Boolean).length } catch { return 0 } }
      for (let waited = 0; started() === 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20))
      expect(started()).toBe(1)
    } finally {
      delete process.env.DRAINLAB_TEST_START_LOG
      await warm.close()
    }
  })
})

describe('a worker entry that failed once', () => {
  it('does not fail every later run: the next run gets a fresh pool', async () => {
    // the entry is missing at first (a failed start), then appears
    const entry = join(mkdtempSync(join(tmpdir(), 'drainlab-pool-')), 'job-worker.mjs')
    const flaky = new JobPool({ threads: 1, workerFilename: entry })
    try {
      const profile = profileWith([1])
      const plan = planExperiment(profile)
      if (!plan.ok) throw new Error('plan')
      const first = await new ExperimentRun({ runId: 'c', profile, engineVersion: 'test', jobs: plan.jobs, pool: flaky }).done
      expect(first.status).toBe('failed')
      expect(first.results.jobs.every((j) => /could not start/.test(j.error ?? ''))).toBe(true)
      copyFileSync(fakeWorker, entry)
      const second = await new ExperimentRun({ runId: 'd', profile, engineVersion: 'test', jobs: plan.jobs, pool: flaky }).done
      expect(second.status).toBe('completed')
    } finally {
      await flaky.close()
    }
  })
})

describe('dispatch order', () => {
  it('starts the longest jobs first (by event estimate) and keeps the plan order in the results', async () => {
    const checked = validateProfile({
      schemaVersion: 1, name: 'order', machine: { cpus: 4, isolated: '3' }, kernel: { variants: ['workqueue'] },
      drainSources: [{ kind: 'reclaim', ratePerSec: 1 }],
      run: { seeds: [20] },
      sweep: { parameters: [{ path: 'drainSources.0.ratePerSec', values: [10, 1000, 100] }] }
    })
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    const plan = planExperiment(checked.profile)
    if (!plan.ok) throw new Error('plan')
    const started: string[] = []
    const run = new ExperimentRun({
      runId: 'o', profile: checked.profile, engineVersion: 'test', jobs: plan.jobs, pool, concurrency: 1, progressIntervalMs: 1,
      onProgress: (p) => {
        for (const j of p.jobs) if (j.status !== 'queued' && !started.includes(j.id)) started.push(j.id)
      }
    })
    const outcome = await run.done
    const rateOf = (id: string) => plan.jobs.find((j) => j.id === id)?.profile.drainSources[0].ratePerSec
    expect(started.map(rateOf)).toEqual([1000, 100, 10])
    expect(outcome.results.jobs.map((j) => j.sweepPoint?.values['drainSources.0.ratePerSec'])).toEqual([10, 1000, 100])
  })
})
