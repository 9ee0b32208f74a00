// Which job the pool runs next (src-main/lab/job-queue.ts): the longest first, and a worker that ended a job
// keeps to that job's kernel variant while one is queued — in the queue alone, and as an ExperimentRun dispatches.
import { describe, expect, it } from 'vitest'
import type { Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { JobQueue } from '../../src-main/lab/job-queue'
import { ExperimentRun } from '../../src-main/lab/experiment-run'
import type { JobTask } from '../../src-main/lab/pool/job-task'
import type { RunResult } from '../../src-shared/results/types'

interface Job { id: string; variant: Variant; events: number }

const queueOf = (jobs: Job[]) => new JobQueue(jobs, (j) => j.events, (j) => j.variant)

describe('JobQueue', () => {
  const jobs: Job[] = [
    { id: 'wq-short', variant: 'workqueue', events: 10 },
    { id: 'direct-long', variant: 'direct', events: 1000 },
    { id: 'wq-long', variant: 'workqueue', events: 1000 },
    { id: 'direct-short', variant: 'direct', events: 10 },
    { id: 'chunked', variant: 'direct-chunked', events: 100 }
  ]

  it('gives the longest job first, in the plan order among equal estimates, when no worker has ended a job', () => {
    const q = queueOf(jobs)
    expect([q.take(null), q.take(null), q.take(null), q.take(null), q.take(null)].map((j) => j?.id)).toEqual(['direct-long', 'wq-long', 'chunked', 'wq-short', 'direct-short'])
    expect(q.take(null)).toBeUndefined()
  })

  it('gives the longest queued job of the variant asked for, and the longest of any when none of it is left', () => {
    const q = queueOf(jobs)
    expect(q.take('workqueue')?.id).toBe('wq-long')
    expect(q.take('workqueue')?.id).toBe('wq-short')
    // no workqueue job is left: the longest of the rest
    expect(q.take('workqueue')?.id).toBe('direct-long')
    expect(q.take('direct-irqon')?.id).toBe('chunked')
    expect(q.size).toBe(1)
    expect(q.take('direct')?.id).toBe('direct-short')
    expect(q.size).toBe(0)
  })
})

/** A pool of two workers whose jobs end when the test says: it records each job as it starts. */
class HandDrivenPool {
  readonly threads = 2
  readonly started: string[] = []
  private readonly ends = new Map<string, () => void>()

  run(task: JobTask): Promise<RunResult> {
    const id = idOf(task)
    this.started.push(id)
    return new Promise((resolve) => {
      this.ends.set(id, () => resolve({ variant: task.variant, seed: task.seed, partial: false, events: 1, simulatedNs: 1, tasks: [], drains: { durationNs: { p50: 0, p99: 0, max: 0 }, stalled: 0, skipped: 0 } } as unknown as RunResult))
    })
  }

  /** Ends a running job, then lets the run dispatch the next. */
  async end(id: string): Promise<void> {
    const end = this.ends.get(id)
    if (end === undefined) throw new Error(`${id} has not started`)
    end()
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
  }
}

/** variant@drain rate: the sweep's point */
const idOf = (task: JobTask) => `${task.variant}@${task.profile.drainSources[0].ratePerSec}`

describe('ExperimentRun on two workers', () => {
  it('gives the worker that ended a job of one variant the next job of that variant, though the longest-first order alternates them', async () => {
    const checked = validateProfile({
      schemaVersion: 1, name: 'affinity', machine: { cpus: 4, isolated: '3' }, kernel: { variants: ['workqueue', 'direct'] },
      drainSources: [{ kind: 'reclaim', ratePerSec: 1 }],
      sweep: { parameters: [{ path: 'drainSources.0.ratePerSec', values: [10, 1000, 100] }] }
    })
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    const plan = planExperiment(checked.profile)
    if (!plan.ok) throw new Error('plan')
    const pool = new HandDrivenPool()
    const run = new ExperimentRun({ runId: 'a', profile: checked.profile, engineVersion: 'test', jobs: plan.jobs, pool })
    await new Promise((resolve) => setImmediate(resolve))
    // longest first: the two jobs at 1000 drains/s, one per worker
    expect(pool.started).toEqual(['workqueue@1000', 'direct@1000'])
    // the next longest is workqueue's at 100/s, but the worker that ended a direct job takes direct's
    await pool.end('direct@1000')
    expect(pool.started.slice(2)).toEqual(['direct@100'])
    await pool.end('workqueue@1000')
    expect(pool.started.slice(3)).toEqual(['workqueue@100'])
    await pool.end('direct@100')
    expect(pool.started.slice(4)).toEqual(['direct@10'])
    // direct has no job left: this worker takes the longest of the rest
    await pool.end('direct@10')
    expect(pool.started.slice(5)).toEqual(['workqueue@10'])
    await pool.end('workqueue@100')
    await pool.end('workqueue@10')
    const outcome = await run.done
    expect(outcome.completed).toBe(6)
    // the results keep the plan's order whatever the dispatch order
    expect(outcome.results.jobs.map((j) => `${j.variant}@${j.sweepPoint?.values['drainSources.0.ratePerSec']}`)).toEqual(plan.jobs.map((j) => `${j.variant}@${j.profile.drainSources[0].ratePerSec}`))
  })
})
