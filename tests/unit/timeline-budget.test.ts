// An experiment's timeline budget shared among its jobs: whole runs for a few jobs, less for many, none
// past the point where a job's share would not hold a useful window.
import { describe, expect, it } from 'vitest'
import { TIMELINE_CAP_RECORDS } from '../../src-main/engine/metrics/run-timeline'
import { EXPERIMENT_TIMELINE_RECORDS, jobTimelineCap, MIN_JOB_TIMELINE_RECORDS } from '../../src-main/lab/timeline-budget'

describe('timeline budget', () => {
  it('gives each of a few jobs the engine\'s cap, shares it among more, and none past the minimum share', () => {
    expect(jobTimelineCap(1)).toBe(TIMELINE_CAP_RECORDS)
    expect(jobTimelineCap(8)).toBe(TIMELINE_CAP_RECORDS)
    expect(jobTimelineCap(16)).toBe(EXPERIMENT_TIMELINE_RECORDS / 16)
    expect(jobTimelineCap(EXPERIMENT_TIMELINE_RECORDS / MIN_JOB_TIMELINE_RECORDS)).toBe(MIN_JOB_TIMELINE_RECORDS)
    expect(jobTimelineCap(4096)).toBe(0)
    for (const jobs of [1, 3, 8, 17, 100, 799, 801, 4096]) expect(jobs * jobTimelineCap(jobs)).toBeLessThanOrEqual(Math.max(EXPERIMENT_TIMELINE_RECORDS, TIMELINE_CAP_RECORDS))
  })
})
