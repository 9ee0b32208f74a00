// The live cards of a sweep show the point with the most completed jobs, whatever order they finished in.
import { describe, expect, it } from 'vitest'
import type { JobResult } from '../../src-shared/results/types'
import { fullestSweepPoint } from '../../src-renderer/src/results/fullest-sweep-point'

const job = (high: number, seed: number): JobResult => ({
  id: `direct-s${seed}-p${high}`, variant: 'direct', seed, sweepPoint: { values: { 'kernel.pcp.high': high } }, status: 'completed'
})

describe('fullestSweepPoint', () => {
  it('picks the point with the most completed jobs, not the last one listed', () => {
    expect(fullestSweepPoint([job(100, 1), job(500, 1), job(500, 2), job(900, 1)])).toBe('kernel.pcp.high=500')
  })

  it('ties go to the first point listed; no sweep is null', () => {
    expect(fullestSweepPoint([job(100, 1), job(500, 1)])).toBe('kernel.pcp.high=100')
    expect(fullestSweepPoint([{ ...job(100, 1), sweepPoint: null }])).toBeNull()
    expect(fullestSweepPoint([])).toBeNull()
  })
})
