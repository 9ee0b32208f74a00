// The live engine as a pool: the same run(task) shape as JobPool, so an experiment runs on either engine
// through ExperimentRun unchanged. A live job owns the machine's CPUs (one pinned worker per profile CPU, busy
// loops on the isolated ones), so this pool is one job wide and runs jobs one after another, even across
// runs started at the same time (the app and `drainlab serve` may start several).
import type { RunResult } from '../../src-shared/results/types'
import { runLiveJob } from '../live/run-live'
import { JobControl } from './pool/job-control'
import type { JobTask } from './pool/job-task'

export class LiveJobPool {
  readonly threads = 1
  private queue: Promise<unknown> = Promise.resolve()

  /** `workerFilename`: the live CPU worker's entry; undefined, the tsx shim next to run-live.ts (the sources) */
  constructor(private readonly workerFilename?: string) {}

  run(task: JobTask): Promise<RunResult> {
    const control = new JobControl(task.control)
    const job = this.queue.then(() => control.cancelled
      ? Promise.reject(new Error('cancelled before it started'))
      : runLiveJob({
        profile: task.profile,
        variant: task.variant,
        seed: task.seed,
        cancelled: () => control.cancelled,
        onProgress: (fraction, elapsedNs) => control.report({ fraction, events: 0, simulatedNs: elapsedNs }),
        workerFilename: this.workerFilename
      }))
    this.queue = job.catch(() => undefined)
    return job
  }
}
