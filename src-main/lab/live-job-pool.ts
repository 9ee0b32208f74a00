// The live engine as a pool: the same run(task) shape as JobPool, so an experiment runs on either engine
// through ExperimentRun unchanged. A live job owns the machine's CPUs (one pinned worker per profile CPU, busy
// loops on the isolated ones), so this pool is one job wide and runs jobs one after another, even across
// runs started at the same time (the app and `drainlab serve` may start several).
import { LabError } from '../../src-shared/api'
import type { Profile } from '../../src-shared/profile/schema'
import type { RunResult } from '../../src-shared/results/types'
import { HostTooSmallError } from '../live/cpu-mapping'
import { LiveRefusal } from '../live/live-limits'
import { preflightLive } from '../live/live-preflight'
import { runLiveJob } from '../live/run-live'
import { JobControl } from './pool/job-control'
import type { JobTask } from './pool/job-task'

/** A profile the live engine refuses on this host, as an invalid-profile LabError (nothing started, nothing written). */
export async function checkLiveRun(profile: Profile): Promise<void> {
  try {
    await preflightLive(profile)
  } catch (e) {
    if (e instanceof LiveRefusal || e instanceof HostTooSmallError) throw new LabError('invalid-profile', `the live engine cannot run this profile: ${e.message}`)
    throw e
  }
}

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
