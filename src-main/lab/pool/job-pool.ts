// The worker-thread pool that runs jobs (piscina). The worker entry is injectable: the CLI and tests use the
// tsx shim next to this file, the Electron app the entry electron-vite bundled.
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import type { RunResult } from '../../../src-shared/results/types'
import type { JobTask } from './job-task'

export const TSX_WORKER_ENTRY = fileURLToPath(new URL('./run-job-worker.mjs', import.meta.url))

/** Cores minus one for the host (UI, progress, I/O), at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

export interface JobPoolOptions {
  threads?: number
  /** the worker entry (a JS file whose default export runs a JobTask); default: the tsx shim */
  workerFilename?: string
}

export class JobPool {
  readonly threads: number
  private readonly piscina: Piscina<JobTask, RunResult>
  /** set when a worker failed outside a task: piscina then starts no new workers and queued jobs would wait forever */
  private broken: Error | null = null
  private readonly pending = new Set<AbortController>()

  constructor(options: JobPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultPoolSize()))
    this.piscina = new Piscina<JobTask, RunResult>({
      filename: options.workerFilename ?? TSX_WORKER_ENTRY,
      minThreads: 0,
      maxThreads: this.threads,
      // a job is minutes of CPU, not a burst of small tasks: keep idle threads briefly, then give back memory
      idleTimeout: 5_000,
      // SIGINT in the CLI must not be delayed by a worker busy-waiting for its next task
      atomics: 'disabled'
    })
    // Piscina reports a worker that dies outside a task (its entry fails to load) as an 'error' event, which
    // would take the whole lab down if unhandled, and then stops starting workers. The job worker runs nothing
    // between tasks, so such a death means the entry cannot start: fail every waiting job with that error.
    this.piscina.on('error', (error: Error) => {
      this.broken = error
      for (const controller of this.pending) controller.abort(error)
    })
  }

  /** Rejects with the job's error if it throws or its thread dies, or with the worker's start-up error. */
  async run(task: JobTask): Promise<RunResult> {
    if (this.broken !== null) throw this.startupFailure()
    const controller = new AbortController()
    this.pending.add(controller)
    try {
      return await this.piscina.run(task, { signal: controller.signal })
    } catch (e) {
      throw this.broken !== null && controller.signal.aborted ? this.startupFailure() : e
    } finally {
      this.pending.delete(controller)
    }
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true })
  }

  private startupFailure(): Error {
    return new Error(`the job worker could not start: ${this.broken?.message}`)
  }
}
