// `drainlab run --timings`'s text (src-main/cli/timings-text.ts): seconds since the process started, a stage
// not reached left out, at most MAX_JOB_LINES jobs listed.
import { describe, expect, it } from 'vitest'
import { MAX_JOB_LINES, timingsText } from '../../src-main/cli/timings-text'
import type { JobStages } from '../../src-main/lab/experiment-run'

const origin = 1_800_000_000_000
const job = (id: string, at: Partial<JobStages> = {}): JobStages => ({ id, workerLoadedAt: 0, startedAt: 0, simulatedAt: 0, resultReadyAt: 0, receivedAt: 0, ...at })

describe('timingsText', () => {
  it('gives each stage in seconds since the origin, and the engine time between start and simulated', () => {
    const text = timingsText(origin, [['run code loaded', origin + 280.5], ['done', origin + 1590]], [
      job('direct-s1', { workerLoadedAt: origin + 305, startedAt: origin + 306.25, simulatedAt: origin + 1408.5, resultReadyAt: origin + 1479, receivedAt: origin + 1539 })
    ])
    expect(text).toBe([
      'drainlab: timings, seconds since this process started: run code loaded 0.281, done 1.590',
      'drainlab: timings of job direct-s1: its worker loaded 0.305, started 0.306, simulated 1.409 (1.102 s), result ready 1.479, in the lab 1.539'
    ].join('\n'))
  })

  it('leaves out the stages a job did not reach (a job that failed, a runner that records only its progress)', () => {
    const text = timingsText(origin, [['done', origin + 10]], [job('a-s1', { receivedAt: origin + 5 }), job('b-s1', { simulatedAt: origin + 7 }), job('c-s1')])
    expect(text.split('\n').slice(1)).toEqual([
      'drainlab: timings of job a-s1: in the lab 0.005',
      'drainlab: timings of job b-s1: simulated 0.007',
      'drainlab: timings of job c-s1: not started'
    ])
  })

  it(`lists ${MAX_JOB_LINES} jobs at most and says how many more there were`, () => {
    const jobs = Array.from({ length: MAX_JOB_LINES + 3 }, (_, i) => job(`j${i}`, { receivedAt: origin + i }))
    const lines = timingsText(origin, [], jobs).split('\n')
    expect(lines).toHaveLength(1 + MAX_JOB_LINES + 1)
    expect(lines[MAX_JOB_LINES]).toContain(`job j${MAX_JOB_LINES - 1}:`)
    expect(lines.at(-1)).toBe('drainlab: timings of 3 more jobs not listed')
  })
})
