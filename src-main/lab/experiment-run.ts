// One experiment in flight: its jobs on the pool, their progress sampled at a bounded rate, cancellation at
// any moment, a snapshot of the jobs ended so far, and at the end one results document. A failing or
// crashing job fails alone.
import { performance } from 'node:perf_hooks'
import { etaFrom } from './eta'
import { MAX_JOBS_PER_PROGRESS, type JobProgress, type RunFinished, type RunProgress } from '../../src-shared/api'
import type { Profile, Variant } from '../../src-shared/profile/schema'
import { resultsDocumentHead } from '../../src-shared/results/results-document'
import { experimentStatus } from '../../src-shared/results/experiment-status'
import { estimateJobEvents } from '../../src-shared/profile/estimate'
import { sweepLabel } from '../../src-shared/results/sweep-point'
import type { ExperimentResults, JobResult, RunResult, ShardInfo } from '../../src-shared/results/types'
import type { PlannedJob } from '../../src-shared/profile/experiment-plan'
import { JobControl, type JobTimings } from './pool/job-control'
import { WorkerStartupError, type JobRunner } from './pool/job-pool'
import { jobTimelineCap } from './timeline-budget'
import { JobQueue } from './job-queue'

/** 5 progress events per second at most: smooth for a bar, nothing for IPC or a WebSocket. */

export const PROGRESS_INTERVAL_MS = 200

/** A job's error and sweep label as a progress event carries them (the results keep them whole): bounded like the event. */
const MAX_PROGRESS_TEXT = 300

export interface ExperimentRunOptions {
  runId: string
  profile: Profile
  engineVersion: string
  jobs: PlannedJob[]
  /** the shard these jobs are (`drainlab run --shard`), kept in the results document */
  shard?: ShardInfo
  pool: JobRunner
  /** jobs in flight at once; default the pool's size */
  concurrency?: number
  progressIntervalMs?: number
  onProgress?: (progress: RunProgress) => void
  /** a job completed or failed (not cancelled); awaited before its slot is given to the next job */
  onJobEnded?: (job: JobResult) => Promise<void>
}

export interface ExperimentOutcome {
  results: ExperimentResults
  status: RunFinished['status']
  completed: number
  failed: number
  cancelled: number
}

/** A job's stages in its worker (JobTimings) and when the lab had its result (receivedAt), ms since the epoch; 0: not reached. */
export interface JobStages extends JobTimings {
  id: string
  receivedAt: number
}

interface JobState {
  planned: PlannedJob
  control: JobControl
  status: JobProgress['status']
  /** the status the last progress event gave; queued is what a client assumes of a job it has not heard of */
  reported: JobProgress['status']
  startedAt: number
  endedAt: number
  error?: string
  result?: RunResult
}

export class ExperimentRun {
  readonly done: Promise<ExperimentOutcome>
  private readonly states: JobState[]
  private readonly startedAt = performance.now()
  private cancelRequested = false
  private timer: NodeJS.Timeout | undefined
  private wake: (() => void) | null = null
  private workerStartupFailure: string | null = null

  constructor(private readonly options: ExperimentRunOptions) {
    this.states = options.jobs.map((planned) => ({ planned, control: new JobControl(), status: 'queued', reported: 'queued', startedAt: 0, endedAt: 0 }))
    this.done = this.execute()
  }

  get runId(): string {
    return this.options.runId
  }

  /** Queued jobs are dropped; running ones stop at their next event check and keep their partial result. */
  cancel(): void {
    this.cancelRequested = true
    for (const s of this.states) {
      if (s.status === 'queued') s.status = 'cancelled'
      if (s.status === 'running') s.control.cancel()
    }
    this.wake?.()
  }

  /**
   * The next progress event: the whole run's figures, and the running jobs and those changed since the
   * previous event (running ones first, at most MAX_JOBS_PER_PROGRESS in all). Listed jobs count as reported.
   */
  progress(): RunProgress {
    const now = performance.now()
    const counts: RunProgress['counts'] = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }
    let fractions = 0
    let eventsPerSec = 0
    const running: JobState[] = []
    const changed: JobState[] = []
    for (const s of this.states) {
      counts[s.status]++
      if (s.status === 'running') {
        const p = jobProgress(s, now)
        fractions += p.fraction
        eventsPerSec += p.eventsPerSec
        running.push(s)
      } else {
        fractions += s.status === 'queued' ? 0 : 1
        if (s.status !== s.reported) changed.push(s)
      }
    }
    const listed = [...running, ...changed].slice(0, MAX_JOBS_PER_PROGRESS)
    for (const s of listed) s.reported = s.status
    const fraction = fractions / Math.max(1, this.states.length)
    const elapsed = now - this.startedAt
    return {
      runId: this.options.runId,
      total: this.states.length,
      counts,
      jobs: listed.map((s) => jobProgress(s, now)),
      overall: { fraction, eventsPerSec, etaMs: fraction >= 1 ? 0 : etaFrom(elapsed, fraction) }
    }
  }

  /** Each job's stages, in the plan's order (`drainlab run --timings`). */
  jobStages(): JobStages[] {
    return this.states.map((s) => ({ id: s.planned.id, ...s.control.timings(), receivedAt: s.endedAt > 0 ? performance.timeOrigin + s.endedAt : 0 }))
  }

  /** Jobs whose last status no progress event has carried yet. */
  private unreported(): boolean {
    return this.states.some((s) => s.status !== s.reported)
  }

  private async execute(): Promise<ExperimentOutcome> {
    const { pool, onProgress } = this.options
    const concurrency = Math.max(1, Math.min(this.options.concurrency ?? pool.threads, pool.threads))
    if (onProgress !== undefined) this.timer = setInterval(() => onProgress(this.progress()), this.options.progressIntervalMs ?? PROGRESS_INTERVAL_MS)
    const inFlight = new Set<Promise<void>>()
    const queue = new JobQueue(this.states, (s) => estimateJobEvents(s.planned.profile), (s) => s.planned.variant)
    // the variants of the jobs that ended, oldest first: each freed a worker, which the next job dispatched goes to
    // (the pool gives a job to an idle worker, and with every slot in use the one that just ended is the only one)
    const freedBy: Variant[] = []
    try {
      for (;;) {
        while (inFlight.size >= concurrency && !this.cancelRequested) await this.waitForSlot(inFlight)
        const state = queue.take(freedBy.shift() ?? null)
        if (state === undefined) break
        if (this.cancelRequested || state.status !== 'queued') continue
        if (this.workerStartupFailure !== null) {
          // the worker cannot start: the rest would each pay a failed start to learn the same
          state.status = 'failed'
          state.error = this.workerStartupFailure
          continue
        }
        const job = this.runOne(state).finally(() => {
          freedBy.push(state.planned.variant)
          inFlight.delete(job)
          this.wake?.()
        })
        inFlight.add(job)
      }
      await Promise.all(inFlight)
    } finally {
      if (this.timer !== undefined) clearInterval(this.timer)
    }
    // the last events carry every change still unreported, however many jobs ended since the previous one
    if (onProgress !== undefined) do onProgress(this.progress()); while (this.unreported())
    return this.outcome()
  }

  private waitForSlot(inFlight: Set<Promise<void>>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = null
        resolve()
      }
      if (inFlight.size === 0) this.wake()
    })
  }

  private async runOne(state: JobState): Promise<void> {
    state.status = 'running'
    state.startedAt = performance.now()
    const { planned } = state
    try {
      const result = await this.options.pool.run({
        profile: planned.profile, variant: planned.variant, seed: planned.seed, timelineCapRecords: jobTimelineCap(this.options.jobs.length), control: state.control.buffer
      })
      state.result = result
      state.status = state.control.cancelled && result.partial ? 'cancelled' : 'completed'
    } catch (e) {
      state.status = 'failed'
      state.error = e instanceof Error ? e.message : String(e)
      if (e instanceof WorkerStartupError) this.workerStartupFailure = state.error
    }
    state.endedAt = performance.now()
    if (state.status !== 'cancelled') await this.options.onJobEnded?.(jobResultOf(state))
  }

  /**
   * The results document of the jobs that have ended so far, built as the final one is, marked in progress.
   * Jobs still queued or running are left out: a reader sees only numbers that will not change.
   */
  snapshot(): ExperimentResults {
    return this.resultsDocument(this.states.filter((s) => s.status !== 'queued' && s.status !== 'running'), true)
  }

  private outcome(): ExperimentOutcome {
    const results = this.resultsDocument(this.states, false)
    const { jobs } = results
    const completed = jobs.filter((j) => j.status === 'completed').length
    const failed = jobs.filter((j) => j.status === 'failed').length
    const cancelled = jobs.filter((j) => j.status === 'cancelled').length
    return { results, status: experimentStatus(jobs), completed, failed, cancelled }
  }

  /** The one document builder: the final results and every snapshot go through it, so they cannot disagree. */
  private resultsDocument(states: readonly JobState[], inProgress: boolean): ExperimentResults {
    const jobs = states.map(jobResultOf)
    return {
      ...resultsDocumentHead(this.options.engineVersion, this.options.profile, jobs),
      ...(jobs.some((j) => j.status === 'cancelled') ? { partial: true as const } : {}),
      ...(inProgress ? { inProgress: true as const } : {}),
      ...(this.options.shard !== undefined ? { shard: this.options.shard } : {})
    }
  }
}

function jobResultOf(s: JobState): JobResult {
  return {
    id: s.planned.id,
    variant: s.planned.variant,
    seed: s.planned.seed,
    sweepPoint: s.planned.sweepPoint,
    status: s.status === 'completed' || s.status === 'failed' ? s.status : 'cancelled',
    ...(s.error !== undefined ? { error: s.error } : {}),
    ...(s.result !== undefined ? { result: s.result } : {})
  }
}

function jobProgress(s: JobState, now: number): JobProgress {
  const label = sweepLabel(s.planned.sweepPoint)
  const sample = s.control.sample()
  const running = s.status === 'running'
  const elapsedMs = (running ? now : s.endedAt) - s.startedAt
  const fraction = s.status === 'completed' ? 1 : s.status === 'queued' ? 0 : Math.min(1, Math.max(0, sample.fraction))
  const eventsPerSec = elapsedMs > 0 && s.status !== 'queued' ? Math.round((sample.events * 1000) / elapsedMs) : 0
  return {
    id: s.planned.id,
    variant: s.planned.variant,
    seed: s.planned.seed,
    sweepLabel: label === null ? null : clip(label),
    status: s.status,
    fraction,
    eventsPerSec,
    etaMs: running ? etaFrom(elapsedMs, fraction) : s.status === 'queued' ? null : 0,
    ...(s.error !== undefined ? { error: clip(s.error) } : {})
  }
}

function clip(text: string): string {
  return text.length > MAX_PROGRESS_TEXT ? `${text.slice(0, MAX_PROGRESS_TEXT - 1)}…` : text
}
