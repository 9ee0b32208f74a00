import { describe, expect, it } from 'vitest'
import type { JobProgress, RunProgress } from '../../src-shared/api'
import { formatEta, formatRate, reduceProgress } from '../../src-renderer/src/stores/run-progress'

const job = (id: string, status: JobProgress['status'], fraction: number): JobProgress => ({
  id, variant: 'direct', seed: 1, sweepLabel: null, status, fraction, eventsPerSec: 1000, etaMs: 500
})
const event = (runId: string, jobs: JobProgress[], fraction = 0.5): RunProgress => ({ runId, jobs, overall: { fraction, etaMs: 1000, eventsPerSec: 2e6 } })

describe('progress reduction', () => {
  it('keeps jobs missing from a later event and counts statuses', () => {
    let view = reduceProgress(null, event('r1', [job('a', 'running', 0.2), job('b', 'queued', 0)]))
    view = reduceProgress(view, event('r1', [job('a', 'completed', 1)]))
    expect(view.jobs.map((j) => [j.id, j.status])).toEqual([['a', 'completed'], ['b', 'queued']])
    expect(view.counts.completed).toBe(1)
    expect(view.counts.queued).toBe(1)
  })

  it('starts over for a new run and clamps the overall fraction', () => {
    const first = reduceProgress(null, event('r1', [job('a', 'running', 0.2)]))
    const next = reduceProgress(first, event('r2', [job('x', 'running', 0.1)], 1.7))
    expect(next.jobs.map((j) => j.id)).toEqual(['x'])
    expect(next.overall.fraction).toBe(1)
    expect(reduceProgress(null, event('r3', [], Number.NaN)).overall.fraction).toBe(0)
  })

  it('formats ETA and rates for people', () => {
    expect(formatEta(null)).toBe('')
    expect(formatEta(12_400)).toBe('ETA 12 s')
    expect(formatEta(65_000)).toBe('ETA 1 min 05 s')
    expect(formatRate(1_250_000)).toBe('1.25 M events/s')
    expect(formatRate(830_000)).toBe('830 k events/s')
    expect(formatRate(0)).toBe('0 events/s')
  })
})
