// Which runs a chart shows: per variant (in the profile's order), the jobs of one sweep point that have a result.
import type { Variant } from '../profile/schema'
import { pointName } from '../profile/field-names'
import { sweepKey } from '../results/sweep-point'
import type { ExperimentResults, JobResult, RunResult } from '../results/types'

export interface ChartBuildOptions {
  /** which grid point of a sweep (index into the distinct sweep points, in job order); default 0 */
  sweepIndex?: number
  /** restrict per-task charts to one realtime task by name; default all tasks */
  task?: string
}

export interface VariantRuns {
  variant: Variant
  runs: RunResult[]
}

export function sweepPoints(results: ExperimentResults): Array<JobResult['sweepPoint']> {
  const seen = new Map<string, JobResult['sweepPoint']>()
  for (const job of results.jobs) if (!seen.has(sweepKey(job.sweepPoint))) seen.set(sweepKey(job.sweepPoint), job.sweepPoint)
  return [...seen.values()]
}

/** Completed runs first; a variant whose every job was cancelled shows its partial runs. */
export function runsByVariant(results: ExperimentResults, opts: ChartBuildOptions = {}): VariantRuns[] {
  const points = sweepPoints(results)
  const point = points[Math.min(opts.sweepIndex ?? 0, Math.max(0, points.length - 1))] ?? null
  const key = sweepKey(point)
  return results.profile.kernel.variants.map((variant) => {
    const jobs = results.jobs.filter((j) => j.variant === variant && sweepKey(j.sweepPoint) === key && j.result !== undefined)
    const completed = jobs.filter((j) => j.status === 'completed')
    return { variant, runs: (completed.length > 0 ? completed : jobs).map((j) => j.result!) }
  }).filter((v) => v.runs.length > 0)
}

/** " — pcp high (pages) = 1000" for titles when the experiment is a sweep. */
export function pointSuffix(results: ExperimentResults, opts: ChartBuildOptions = {}): string {
  const points = sweepPoints(results)
  const point = points[Math.min(opts.sweepIndex ?? 0, Math.max(0, points.length - 1))] ?? null
  return point === null ? '' : ` — ${pointName(point.values, results.profile)}`
}

export function tasksOf(run: RunResult, opts: ChartBuildOptions): RunResult['tasks'] {
  return opts.task === undefined ? run.tasks : run.tasks.filter((t) => t.name === opts.task)
}
