// Aggregates across seeds: the mean and spread of every headline metric, per variant and sweep point.
import { HEADLINE_METRICS, headlineOf } from './headline'
import { sweepKey } from './sweep-point'
import type { Aggregate, JobResult, SweepPoint } from './types'
import type { Variant } from '../profile/schema'

/**
 * Only completed jobs count: a cancelled job's partial run covers a shorter time and would bias every mean.
 * stddev is the sample standard deviation (n - 1), 0 for a single seed. Order follows the jobs' order,
 * so the same jobs give byte-identical aggregates.
 */
export function aggregateJobs(jobs: readonly JobResult[]): Aggregate[] {
  const groups = new Map<string, { variant: Variant; sweepPoint: SweepPoint | null; jobs: JobResult[] }>()
  for (const job of jobs) {
    if (job.status !== 'completed' || job.result === undefined) continue
    const key = `${job.variant}\u0000${sweepKey(job.sweepPoint)}`
    const group = groups.get(key) ?? { variant: job.variant, sweepPoint: job.sweepPoint, jobs: [] }
    group.jobs.push(job)
    groups.set(key, group)
  }
  const aggregates: Aggregate[] = []
  for (const group of groups.values()) {
    const headlines = group.jobs.map((job) => headlineOf(job.result!))
    for (const metric of HEADLINE_METRICS) {
      const values = headlines.map((h) => h[metric])
      const n = values.length
      const mean = values.reduce((a, b) => a + b, 0) / n
      const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0
      aggregates.push({
        variant: group.variant,
        sweepPoint: group.sweepPoint,
        metric,
        seeds: n,
        mean,
        min: Math.min(...values),
        max: Math.max(...values),
        stddev: Math.sqrt(variance)
      })
    }
  }
  return aggregates
}
