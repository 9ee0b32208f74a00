// The worker-thread pool that runs jobs (piscina). The worker entry is injectable: the tests and the CLI run
// from the sources use the tsx shim next to this file, the built CLI out/cli/run-job-worker.js, the Electron
// app the entry electron-vite bundled.
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { RunResult } from '../../../src-shared/results/types'
import type { JobTask } from './job-task'
import { encodeRunResult, type SimulatedRun } from '../../engine/simulated-run'
import { raiseMallocTrimThreshold } from './malloc-trim'

export const TSX_WORKER_ENTRY = fileURLToPath(new URL('./run-job-worker.mjs', import.meta.url))

/** Cores minus one for the host (UI, progress, I/O), at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

export interface JobPoolOptions {
  threads?: number
  /** the worker entry (a JS file whose default export runs a JobTask); default: the tsx shim */
  workerFilename?: string
  /**
   * Start one worker now rather than at the first job, and keep it until close(): a caller that knows a job is
   * coming (`drainlab run`) overlaps the worker's start-up with its own work.
   */
  warm?: boolean
}

/** What an experiment needs of a pool: its width and a way to run one job (the live engine's pool has the same shape). */
export type JobRunner = Pick<JobPool, 'threads' | 'run'>

/** The job worker could not start (its entry failed to load): every job would fail the same way. */
export class WorkerStartupError extends Error {}

export class JobPool {
  readonly threads: number
  private readonly workerFilename: string
  private readonly warm: boolean
  private piscina: Piscina<JobTask, SimulatedRun>
  /** set when a worker failed outside a task: piscina then starts no new workers and queued jobs would wait forever */
  private broken: Error | null = null
  private readonly pending = new Set<AbortController>()

  constructor(options: JobPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultPoolSize()))
    this.workerFilename = options.workerFilename ?? TSX_WORKER_ENTRY
    this.warm = options.warm ?? false
    this.piscina = this.startPiscina()
    // for the whole process: the pool's threads free and reallocate large blocks all the time. Its ~11 ms here
    // (page faults) come after a warm pool's worker started, while that thread boots
    raiseMallocTrimThreshold()
  }

  /**
   * Rejects with the job's error if it throws or its thread dies, or with a WorkerStartupError. After a start-up
   * failure the jobs already waiting fail with it; the next job submitted once none is waiting gets a fresh pool,
   * so one failed start (a file briefly missing, memory short) does not fail every later run of a long-lived app.
   */
  async run(task: JobTask): Promise<RunResult> {
    if (this.broken !== null && this.pending.size === 0) this.restart()
    if (this.broken !== null) throw this.startupFailure(this.broken)
    const controller = new AbortController()
    this.pending.add(controller)
    try {
      // the worker moved the timeline's columns over as typed arrays: the RunResult holds their base64
      return encodeRunResult(await this.piscina.run(task, { signal: controller.signal }))
    } catch (e) {
      throw controller.signal.aborted && controller.signal.reason instanceof Error && this.broken !== null ? this.startupFailure(controller.signal.reason) : e
    } finally {
      this.pending.delete(controller)
    }
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true })
  }

  private startPiscina(): Piscina<JobTask, SimulatedRun> {
    const piscina = new Piscina<JobTask, SimulatedRun>({
      filename: this.workerFilename,
      minThreads: this.warm ? 1 : 0,
      maxThreads: this.threads,
      // a job is minutes of CPU, not a burst of small tasks: keep idle threads briefly, then give back memory
      idleTimeout: 5_000,
      // SIGINT in the CLI must not be delayed by a worker busy-waiting for its next task
      atomics: 'disabled'
    })
    // Piscina reports a worker that dies outside a task (its entry fails to load) as an 'error' event, which
    // would take the whole lab down if unhandled, and then stops starting workers. The job worker runs nothing
    // between tasks, so such a death means the entry cannot start: fail every waiting job with that error.
    piscina.on('error', (error: Error) => {
      if (piscina !== this.piscina) return
      this.broken = error
      for (const controller of this.pending) controller.abort(error)
    })
    return piscina
  }

  private restart(): void {
    // the broken pool is discarded; whether it closes cleanly changes nothing for the next job
    this.piscina.close({ force: true }).catch(() => undefined)
    this.broken = null
    this.piscina = this.startPiscina()
  }

  private startupFailure(error: Error): Error {
    return new WorkerStartupError(`the job worker could not start: ${error.message}`)
  }
}
