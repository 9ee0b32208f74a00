// On start, the lab takes stock of what a crash or a kill -9 left in its data folder: temporary files of
// interrupted writes are removed, and an experiment whose process died before saving its results is
// recorded with the jobs it had finished (saved one by one as they ended) and every other job failed,
// saying why, so it is listed in History (partial, or failed) and can be re-run from its profile instead
// of sitting there unlisted. Nothing else is removed.
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { experimentStatus } from '../../src-shared/results/experiment-status'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../src-shared/results/types'
import { ENGINE_VERSION } from '../engine/version'
import type { ExperimentStore, RunningMark } from '../store/experiment-store'
import { planExperiment } from '../../src-shared/profile/experiment-plan'

export interface RecoveryReport {
  /** run ids recorded with their finished jobs, the rest failed (interrupted) */
  recovered: string[]
  /** run ids that could not be recovered (no readable profile), with why; their folders are left as they are */
  unrecoverable: Array<{ runId: string; reason: string }>
  removedTempFiles: string[]
}

function interruptedMessage(mark: RunningMark | null): string {
  const who = mark === null ? 'the process running it' : `the process running it (pid ${mark.pid}, started ${mark.startedAt})`
  return `interrupted: ${who} ended before the results were saved; run the experiment again from its profile`
}

/** The run's start from its id's UTC time stamp ("20261129-101500-…"): the best date a folder without a mark has. */
function startOfRunId(runId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId)
  return m === null ? new Date(0).toISOString() : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`
}

export async function recoverInterruptedRuns(store: ExperimentStore): Promise<RecoveryReport> {
  const report: RecoveryReport = { recovered: [], unrecoverable: [], removedTempFiles: await store.removeLeftoverTempFiles() }
  for (const { runId, mark } of await store.interruptedRuns()) {
    let profile
    try {
      profile = await store.readProfile(runId)
    } catch (e) {
      report.unrecoverable.push({ runId, reason: (e as Error).message })
      continue
    }
    const plan = profile === null ? null : planExperiment(profile)
    if (profile === null || plan === null || !plan.ok) {
      report.unrecoverable.push({ runId, reason: profile === null ? 'no profile was saved' : 'its profile no longer plans (invalid sweep point)' })
      continue
    }
    const error = interruptedMessage(mark)
    const saved = await store.readSavedJobs(runId)
    const jobs = plan.jobs.map((j): JobResult => saved.get(j.id) ?? { id: j.id, variant: j.variant, seed: j.seed, sweepPoint: j.sweepPoint, status: 'failed', error })
    const results: ExperimentResults = {
      schemaVersion: RESULTS_SCHEMA_VERSION,
      engineVersion: ENGINE_VERSION,
      profile,
      jobs,
      aggregates: aggregateJobs(jobs)
    }
    await store.saveResults(runId, results, experimentStatus(jobs), mark?.startedAt ?? startOfRunId(runId))
    report.recovered.push(runId)
  }
  return report
}
