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
  }

  /** Rejects with the job's error if it throws or its thread dies; rejects with an AbortError if aborted while queued. */
  run(task: JobTask, signal?: AbortSignal): Promise<RunResult> {
    return this.piscina.run(task, { signal: signal ?? null })
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true })
  }
}
