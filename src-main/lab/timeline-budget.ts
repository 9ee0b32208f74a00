// How many timeline records each job of an experiment may keep (docs/timeline.md): a sweep of hundreds of
// jobs with a whole-run timeline each would write gigabytes of results. The experiment's budget is shared
// among its jobs, each up to the engine's cap; a job whose share is too small for a useful window records none.
import { TIMELINE_CAP_RECORDS } from '../engine/metrics/run-timeline'

/** timeline records of all the jobs of one experiment (or shard): ~50 MB in results.json */
export const EXPERIMENT_TIMELINE_RECORDS = 1_600_000
/** below this share a job records no timeline (0) */
export const MIN_JOB_TIMELINE_RECORDS = 2_000

export function jobTimelineCap(jobs: number): number {
  const share = Math.floor(EXPERIMENT_TIMELINE_RECORDS / Math.max(1, jobs))
  return share < MIN_JOB_TIMELINE_RECORDS ? 0 : Math.min(TIMELINE_CAP_RECORDS, share)
}
