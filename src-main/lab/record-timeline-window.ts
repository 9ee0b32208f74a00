// LabApi recordTimelineWindow: one job of a recorded run run again — the profile at its sweep point, its
// variant and seed — recording only the window the user asked for (RunModelOptions.timelineWindowNs,
// docs/timeline.md "A window on request"). The engine is a pure function of those, so the window holds what
// the stored run did there, which its cap left out. The stored results are not touched.
import { LabError } from '../../src-shared/api'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import type { ExperimentResults, JobResult, RunResult, RunTimeline } from '../../src-shared/results/types'
import { TIMELINE_CAP_RECORDS } from '../engine/metrics/run-timeline'
import { ENGINE_VERSION } from '../engine/version'
import { JobControl } from './pool/job-control'
import type { JobRunner } from './pool/job-pool'

export interface TimelineWindowRequest {
  runId: string
  jobId: string
  fromNs: number
  untilNs: number
}

/**
 * The window's timeline. It may hold up to the engine's cap, not the job's share of its experiment's budget
 * (lab/timeline-budget.ts): that budget bounds what a run writes to disk, and this timeline is never saved.
 */
export async function recordTimelineWindow(results: ExperimentResults, req: TimelineWindowRequest, pool: JobRunner): Promise<RunTimeline> {
  const job = results.jobs.find((j) => j.id === req.jobId)
  if (job === undefined) throw new LabError('not-found', `jobId: run ${req.runId} has no job ${req.jobId}`)
  const stored = storedRun(results, job)
  checkWindow(req, stored.simulatedNs)
  const planned = planExperiment(results.profile)
  const again = planned.ok ? planned.jobs.find((p) => p.id === job.id && p.variant === job.variant && p.seed === job.seed) : undefined
  if (again === undefined) throw new LabError('not-available', `jobId: the profile of run ${req.runId} no longer plans job ${job.id}, so it cannot be run again`)
  const result = await pool.run({
    profile: again.profile, variant: again.variant, seed: again.seed,
    timelineCapRecords: TIMELINE_CAP_RECORDS, timelineWindowNs: [req.fromNs, req.untilNs], control: new JobControl().buffer
  })
  // a pure function of (profile, variant, seed): anything else means the window is not the stored run's
  if (result.events !== stored.events || result.simulatedNs !== stored.simulatedNs || result.timeline === undefined) {
    throw new LabError('failed', `job ${job.id} did not run as it did when recorded (${result.events} events, not ${stored.events}): its window cannot be shown`)
  }
  return result.timeline
}

/** The job's stored run, if running it again can reproduce it. */
function storedRun(results: ExperimentResults, job: JobResult): RunResult {
  const run = job.result
  if (run === undefined || run.timeline === undefined || job.status !== 'completed') {
    throw new LabError('not-available', `jobId: job ${job.id} has no completed run with a timeline (a failed or cancelled job, a live or measured run, or a job of a sweep too large to record one)`)
  }
  if (results.engineVersion !== ENGINE_VERSION) {
    throw new LabError('not-available', `engine ${results.engineVersion} recorded this run and this lab runs ${ENGINE_VERSION}: running it again would not give the same run`)
  }
  return run
}

/** Whole ns, from before until, within the run [0, simulatedNs]: an error names the field. */
function checkWindow(req: TimelineWindowRequest, simulatedNs: number): void {
  for (const field of ['fromNs', 'untilNs'] as const) {
    const value = req[field]
    if (!Number.isSafeInteger(value)) throw new LabError('invalid-request', `${field}: ${String(value)} is not a whole number of ns`)
    if (value < 0 || value > simulatedNs) throw new LabError('invalid-request', `${field}: ${value} ns is outside the run (0 to ${simulatedNs} ns)`)
  }
  if (req.untilNs <= req.fromNs) throw new LabError('invalid-request', `untilNs: ${req.untilNs} ns is not after fromNs (${req.fromNs} ns)`)
}
