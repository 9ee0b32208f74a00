// `drainlab run --timings`: when the run passed each of its stages, in seconds since this process started —
// where a run's time went (start-up, the worker's start, the engine, the result's way back, the write), on
// any machine, without a profiler. Wall-clock times: they are printed, never stored in the results.
import type { JobStages } from '../lab/experiment-run'

/** Jobs listed one line each, at most: a sweep of thousands would bury the rest of the output. */
export const MAX_JOB_LINES = 20

/** A stage of the command itself and when it was reached, ms since the epoch. */
export type CommandStage = readonly [label: string, atMs: number]

function seconds(atMs: number, originMs: number): string {
  return ((atMs - originMs) / 1000).toFixed(3)
}

function jobLine(job: JobStages, originMs: number): string {
  const parts: string[] = []
  const at = (label: string, atMs: number) => {
    if (atMs > 0) parts.push(`${label} ${seconds(atMs, originMs)}`)
  }
  at('its worker loaded', job.workerLoadedAt)
  at('started', job.startedAt)
  if (job.simulatedAt > 0) parts.push(`simulated ${seconds(job.simulatedAt, originMs)}${job.startedAt > 0 ? ` (${seconds(job.simulatedAt, job.startedAt)} s)` : ''}`)
  at('result ready', job.resultReadyAt)
  at('in the lab', job.receivedAt)
  return `drainlab: timings of job ${job.id}: ${parts.length > 0 ? parts.join(', ') : 'not started'}`
}

/** The lines --timings prints: the command's stages, then each job's (in the plan's order). */
export function timingsText(originMs: number, command: readonly CommandStage[], jobs: readonly JobStages[]): string {
  const lines = [`drainlab: timings, seconds since this process started: ${command.map(([label, atMs]) => `${label} ${seconds(atMs, originMs)}`).join(', ')}`]
  for (const job of jobs.slice(0, MAX_JOB_LINES)) lines.push(jobLine(job, originMs))
  if (jobs.length > MAX_JOB_LINES) lines.push(`drainlab: timings of ${jobs.length - MAX_JOB_LINES} more jobs not listed`)
  return lines.join('\n')
}
