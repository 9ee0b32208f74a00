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

/** "ETA 1 min 05 s", "ETA 12 s", or "" when the lab has no estimate yet. */
export function formatEta(etaMs: number | null): string {
  if (etaMs === null || !Number.isFinite(etaMs)) return ''
  const s = Math.max(0, Math.round(etaMs / 1000))
  if (s < 60) return `ETA ${s} s`
  return `ETA ${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
}

/** "1.25 M events/s", "830 k events/s". */
export function formatRate(eventsPerSec: number): string {
  if (!Number.isFinite(eventsPerSec) || eventsPerSec <= 0) return '0 events/s'
  if (eventsPerSec >= 1e6) return `${(eventsPerSec / 1e6).toFixed(2)} M events/s`
  if (eventsPerSec >= 1e3) return `${(eventsPerSec / 1e3).toFixed(0)} k events/s`
  return `${eventsPerSec.toFixed(0)} events/s`
}
