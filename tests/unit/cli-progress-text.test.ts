import { describe, expect, it } from 'vitest'
import type { RunProgress } from '../../src-shared/api'
import { progressBar, progressLine } from '../../src-main/cli/progress-text'

const progress: RunProgress = {
  runId: 'r',
  total: 3,
  counts: { queued: 0, running: 1, completed: 1, failed: 1, cancelled: 0 },
  jobs: [
    { id: 'workqueue-s1', variant: 'workqueue', seed: 1, sweepLabel: null, status: 'completed', fraction: 1, eventsPerSec: 0, etaMs: 0 },
    { id: 'direct-s1', variant: 'direct', seed: 1, sweepLabel: null, status: 'running', fraction: 0.5, eventsPerSec: 1_500_000, etaMs: 2000 },
    { id: 'direct-s2', variant: 'direct', seed: 2, sweepLabel: null, status: 'failed', fraction: 0.1, eventsPerSec: 0, etaMs: 0, error: 'boom' }
  ],
  overall: { fraction: 0.75, etaMs: 65_000, eventsPerSec: 1_500_000 }
}

describe('progress text', () => {
  it('counts the whole run, not the jobs one event lists', () => {
    const delta: RunProgress = { ...progress, total: 40_000, counts: { queued: 30_000, running: 2, completed: 9_990, failed: 8, cancelled: 0 }, jobs: [progress.jobs[1]] }
    expect(progressBar(delta, 8)).toBe('[######..]  75%  9990/40000 jobs done, 2 running, 8 failed  1.50 M events/s  ETA 1 min 05 s')
  })

  it('a bar for terminals: fill, percentage, job counts, rate, ETA', () => {
    expect(progressBar(progress, 8)).toBe('[######..]  75%  1/3 jobs done, 1 running, 1 failed  1.50 M events/s  ETA 1 min 05 s')
  })

  it('a plain line for logs, naming the running jobs', () => {
    expect(progressLine(progress)).toBe('progress 75%: 1/3 jobs done, 1 running, 1 failed; 1.50 M events/s; ETA 1 min 05 s; direct-s1 50%')
  })

  it('writes the ETA as the Run view does (tests/component/run-lifecycle.test.ts: "ETA 3 s"), "--" before the first estimate', () => {
    const at = (etaMs: number | null) => progressBar({ ...progress, overall: { ...progress.overall, etaMs } }, 8)
    expect(at(3000).endsWith('ETA 3 s')).toBe(true)
    expect(at(null).endsWith('ETA --')).toBe(true)
  })
})
