// The outcome of an experiment from its jobs' outcomes: what History lists and runFinished reports.
import type { RunFinished } from '../api'
import type { JobStatus } from './types'

export function experimentStatus(jobs: ReadonlyArray<{ status: JobStatus }>): RunFinished['status'] {
  const completed = jobs.filter((j) => j.status === 'completed').length
  if (completed === jobs.length) return 'completed'
  if (completed > 0) return 'partial'
  return jobs.some((j) => j.status === 'cancelled') ? 'cancelled' : 'failed'
}
