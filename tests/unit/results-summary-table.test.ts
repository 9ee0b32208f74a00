// The comparison table every output prints (CLI, CSV, HTML report, overview cards): a metric nothing
// measured reads "—", never a 0 that would look like the best value.
import { describe, expect, it } from 'vitest'
import { summaryRows, summaryText } from '../../src-shared/results/summary-table'
import { syntheticResults } from './lab-support/synthetic-results'

describe('summary table', () => {
  it('a variant without a completed drain has no drain times, one without task activations no latencies', () => {
    const results = syntheticResults()
    for (const job of results.jobs) {
      if (job.variant !== 'workqueue' || job.result === undefined) continue
      job.result.drains.completed = 0
      for (const task of job.result.tasks) task.activations = 0
    }
    const [workqueue, direct] = summaryRows(results)
    expect(workqueue.variant).toBe('workqueue')
    for (const m of ['drainP50Ns', 'drainP99Ns', 'drainMaxNs', 'latencyP9999Ns', 'latencyMaxNs'] as const) {
      expect(workqueue.values[m], m).toBeNaN()
      expect(direct.values[m], m).toBeGreaterThan(0)
    }
    expect(workqueue.values.misses).not.toBeNaN()
    const line = summaryText(results).split('\n').find((l) => l.startsWith('workqueue'))
    expect(line?.match(/—/g)).toHaveLength(5)
  })

  it('a variant no drain was requested of has no stalled or skipped count (an imported measurement, no drain source)', () => {
    const results = syntheticResults()
    for (const job of results.jobs) {
      if (job.variant !== 'workqueue' || job.result === undefined) continue
      job.result.drains.requested = 0
      job.result.drains.completed = 0
    }
    const [workqueue, direct] = summaryRows(results)
    expect([workqueue.values.stalled, workqueue.values.skipped]).toEqual([Number.NaN, Number.NaN])
    expect([direct.values.stalled, direct.values.skipped].every(Number.isFinite)).toBe(true)
  })
})
