import { describe, expect, it } from 'vitest'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { headlineOf, HEADLINE_METRICS } from '../../src-shared/results/headline'
import { summaryRows, summaryText } from '../../src-shared/results/summary-table'
import { syntheticResults } from './lab-support/synthetic-results'

describe('aggregates across seeds', () => {
  const results = syntheticResults()

  it('mean, min, max and sample stddev of every headline metric, completed jobs only', () => {
    const direct = results.jobs.filter((j) => j.variant === 'direct').map((j) => headlineOf(j.result!))
    for (const metric of HEADLINE_METRICS) {
      const a = results.aggregates.find((x) => x.variant === 'direct' && x.metric === metric)!
      const [v1, v2] = direct.map((h) => h[metric])
      expect(a.seeds).toBe(2)
      expect(a.mean).toBeCloseTo((v1 + v2) / 2, 9)
      expect([a.min, a.max]).toEqual([Math.min(v1, v2), Math.max(v1, v2)])
      expect(a.stddev).toBeCloseTo(Math.abs(v1 - v2) / Math.SQRT2, 9)
    }
    const withFailure = results.jobs.map((j, i) => (i === 0 ? { ...j, status: 'failed' as const, result: undefined, error: 'x' } : j))
    expect(aggregateJobs(withFailure).find((a) => a.variant === 'workqueue')?.seeds).toBe(1)
  })

  it('the summary shows the worst seed for maxima and the mean otherwise, failures counted', () => {
    const rows = summaryRows({ ...results, jobs: results.jobs.map((j, i) => (i === 1 ? { ...j, status: 'failed' as const } : j)) })
    const wq = rows.find((r) => r.variant === 'workqueue')!
    expect(wq.failed).toBe(1)
    const a = (metric: string) => results.aggregates.find((x) => x.variant === 'workqueue' && x.metric === metric)!
    expect(wq.values.latencyMaxNs).toBe(a('latencyMaxNs').max)
    expect(wq.values.drainP99Ns).toBe(a('drainP99Ns').mean)
    const text = summaryText(results).split('\n')
    expect(text[0]).toMatch(/^variant\s+seeds\s+misses\s+latency p99\.99\s+latency max\s+drain p50\s+drain p99\s+drain max\s+stalled\s+skipped$/)
    expect(text.slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['workqueue', 'direct'])
  })
})
