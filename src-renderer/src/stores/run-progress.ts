// Folding the lab's runProgress events into what the Run view shows. Events carry every job, but a
// job missing from an event keeps its last known state rather than vanishing from the table.
import type { JobProgress, RunProgress } from '@shared/api'

export interface ProgressView {
  runId: string
  jobs: JobProgress[]
  overall: RunProgress['overall']
  /** jobs per status, for the summary line */
  counts: Record<JobProgress['status'], number>
}

const EMPTY_COUNTS = (): ProgressView['counts'] => ({ queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 })

export function reduceProgress(previous: ProgressView | null, event: RunProgress): ProgressView {
  const byId = new Map<string, JobProgress>()
  if (previous && previous.runId === event.runId) for (const job of previous.jobs) byId.set(job.id, job)
  for (const job of event.jobs) byId.set(job.id, job)
  const jobs = [...byId.values()]
  const counts = EMPTY_COUNTS()
  for (const job of jobs) counts[job.status]++
  return { runId: event.runId, jobs, overall: { ...event.overall, fraction: clampFraction(event.overall.fraction) }, counts }
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
