// On start, the lab takes stock of what a crash or a kill -9 left in its data folder: temporary files of
// interrupted writes are removed, and an experiment whose process died before saving its results is
// recorded with the jobs it had finished (saved one by one as they ended) and every other job failed,
// saying why, so it is listed in History (partial, or failed) and can be re-run from its profile instead
// of sitting there unlisted; one whose results were saved but not indexed is indexed. Nothing else is
// removed. Each run is finished under the store's lock, so two processes starting at once recover it once.
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import type { Profile } from '../../src-shared/profile/schema'
import { resultsDocumentHead } from '../../src-shared/results/results-document'
import type { ExperimentResults, JobResult } from '../../src-shared/results/types'
import { ENGINE_VERSION } from '../engine/version'
import { startOfRunId, type ExperimentStore, type RunningMark } from '../store/experiment-store'

export interface RecoveryReport {
  /** run ids recorded with their finished jobs, the rest failed (interrupted) */
  recovered: string[]
  /** run ids whose results were saved but not listed, now listed */
  indexed: string[]
  /** run ids that could not be recovered, with why; their folders are left as they are */
  unrecoverable: Array<{ runId: string; reason: string }>
  removedTempFiles: string[]
}

function interruptedMessage(mark: RunningMark | null): string {
  const who = mark === null ? 'the process running it' : `the process running it (pid ${mark.pid}, started ${mark.startedAt})`
  return `interrupted: ${who} ended before the results were saved; run the experiment again from its profile`
}

/** The results of an interrupted run: the jobs it saved as they ended, every other planned job failed. */
function interruptedResults(profile: Profile, saved: Map<string, JobResult>, mark: RunningMark | null): ExperimentResults | null {
  const plan = planExperiment(profile)
  if (!plan.ok) return null
  const error = interruptedMessage(mark)
  const jobs = plan.jobs.map((j): JobResult => saved.get(j.id) ?? { id: j.id, variant: j.variant, seed: j.seed, sweepPoint: j.sweepPoint, status: 'failed', error })
  return resultsDocumentHead(ENGINE_VERSION, profile, jobs)
}

export async function recoverInterruptedRuns(store: ExperimentStore): Promise<RecoveryReport> {
  const removedTempFiles = await store.removeLeftoverTempFiles().catch(() => [])
  const { found, unreadable } = await store.interruptedRuns()
  const report: RecoveryReport = { recovered: [], indexed: [], unrecoverable: [...unreadable], removedTempFiles }
  for (const { runId } of found) {
    try {
      const profile = await store.readProfile(runId).catch(() => null)
      let unbuilt: string | null = null
      const done = await store.finishInterrupted(runId, (saved, mark) => {
        const results = profile === null ? null : interruptedResults(profile, saved, mark)
        if (results === null) unbuilt = profile === null ? 'no readable profile was saved' : 'its profile no longer plans (an invalid sweep point)'
        return results === null ? null : { results, createdAt: mark?.startedAt ?? startOfRunId(runId) }
      })
      if (done === 'recovered') report.recovered.push(runId)
      else if (done === 'indexed') report.indexed.push(runId)
      else if (unbuilt !== null) report.unrecoverable.push({ runId, reason: unbuilt })
    } catch (e) {
      // one damaged or unwritable run must not keep the others from being recovered
      report.unrecoverable.push({ runId, reason: (e as Error).message })
    }
  }
  return report
}
