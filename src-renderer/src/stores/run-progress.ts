// Folding the lab's runProgress events into what the Run view shows. An event carries the whole run's
// figures (total, counts per status, overall) and only the jobs that are running or changed since the
// previous event: each job keeps the last state heard of it, so the table fills in as the run goes.
import type { JobProgress, RunProgress } from '@shared/api'

export interface ProgressView {
  runId: string
  /** every job heard of so far, in the order first heard */
  jobs: JobProgress[]
  /** jobs in the run, heard of or not */
  total: number
  overall: RunProgress['overall']
  /** jobs of the whole run per status, for the summary line */
  counts: RunProgress['counts']
}

export function reduceProgress(previous: ProgressView | null, event: RunProgress): ProgressView {
  const byId = new Map<string, JobProgress>()
  if (previous && previous.runId === event.runId) for (const job of previous.jobs) byId.set(job.id, job)
  for (const job of event.jobs) byId.set(job.id, job)
  return {
    runId: event.runId,
    jobs: [...byId.values()],
    total: event.total,
    overall: { ...event.overall, fraction: clampFraction(event.overall.fraction) },
    counts: { ...event.counts }
  }
}

function clampFraction(f: number): number {
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0
}
