import { describe, expect, it } from 'vitest'
import type { JobProgress, RunProgress } from '../../src-shared/api'
import { formatEta, formatEventRate } from '../../src-shared/units'
import { reduceProgress } from '../../src-renderer/src/stores/run-progress'

const job = (id: string, status: JobProgress['status'], fraction: number): JobProgress => ({
  id, variant: 'direct', seed: 1, sweepLabel: null, status, fraction, eventsPerSec: 1000, etaMs: 500
})
const COUNTS: RunProgress['counts'] = { queued: 1, running: 0, completed: 1, failed: 0, cancelled: 0 }
const event = (runId: string, jobs: JobProgress[], fraction = 0.5, counts = COUNTS): RunProgress => ({ runId, total: 2, counts, jobs, overall: { fraction, etaMs: 1000, eventsPerSec: 2e6 } })

describe('progress reduction', () => {
  it('keeps jobs missing from a later event; counts and total come from the event, not the jobs heard of', () => {
    let view = reduceProgress(null, event('r1', [job('a', 'running', 0.2), job('b', 'running', 0.1)]))
    view = reduceProgress(view, event('r1', [job('a', 'completed', 1)]))
    expect(view.jobs.map((j) => [j.id, j.status])).toEqual([['a', 'completed'], ['b', 'running']])
    const big = reduceProgress(view, event('r1', [job('c', 'running', 0.3)], 0.5, { queued: 39_990, running: 1, completed: 9, failed: 0, cancelled: 0 }))
    expect(big.counts.queued).toBe(39_990)
    expect(big.jobs).toHaveLength(3)
  })

  it('starts over for a new run and clamps the overall fraction', () => {
    const first = reduceProgress(null, event('r1', [job('a', 'running', 0.2)]))
    const next = reduceProgress(first, event('r2', [job('x', 'running', 0.1)], 1.7))
    expect(next.jobs.map((j) => j.id)).toEqual(['x'])
    expect(next.overall.fraction).toBe(1)
    expect(reduceProgress(null, event('r3', [], Number.NaN)).overall.fraction).toBe(0)
  })

  it('formats ETA and rates for people (one formatter for the Run view and the CLI)', () => {
    expect(formatEta(null)).toBeNull()
    expect(formatEta(12_400)).toBe('12 s')
    expect(formatEta(65_000)).toBe('1 min 05 s')
    expect(formatEventRate(1_250_000)).toBe('1.25 M events/s')
    expect(formatEventRate(830_000)).toBe('830 k events/s')
    expect(formatEventRate(0)).toBe('0 events/s')
  })
})
