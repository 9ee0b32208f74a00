// Bug 2 ("Nothing lost"): a kilobyte request could ask for millions of jobs. The run's size is checked in one
// place, the plan, which validateProfile (drainlab validate, LabApi.validateProfile) and every run go through.
import { describe, expect, it } from 'vitest'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { MAX_EVENTS_PER_RUN, MAX_JOBS_PER_RUN, MAX_SEEDS } from '../../src-shared/profile/run-limits'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import type { Profile } from '../../src-shared/profile/schema'

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i)

const BASE = {
  schemaVersion: 1,
  machine: { cpus: 8, isolated: '4-7' },
  rtTasks: [{ name: 'cyclic', cpu: 4, mode: 'periodic', periodUs: 1000, runtimeUs: 50 }],
  run: { durationMs: 100 }
}

function issues(checked: ProfileValidation) {
  return checked.ok ? [] : checked.issues
}

describe('run limits', () => {
  it('a 64 × 64 sweep × 4 variants × 100 seeds (1.6 M jobs) is refused at once, naming the sweep', () => {
    const doc = {
      ...BASE,
      run: { durationMs: 100, seeds: range(100) },
      sweep: { parameters: [{ path: 'kernel.pcp.high', values: range(64, 100) }, { path: 'kernel.costs.ipiNs', values: range(64, 1000) }] }
    }
    const started = Date.now()
    const checked = validateProfile(doc)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(issues(checked)).toEqual([expect.objectContaining({ path: 'sweep.parameters', message: expect.stringMatching(new RegExp(`^1638400 jobs \\(4096 sweep points × 4 variants × 100 seeds\\), over the limit of ${MAX_JOBS_PER_RUN} jobs per run`)) })])
  })

  it('the plan a run uses refuses the same, whoever built the profile', () => {
    const valid = validateProfile(BASE)
    if (!valid.ok) throw new Error('base invalid')
    const huge: Profile = { ...valid.profile, run: { ...valid.profile.run, seeds: range(1000) }, sweep: { parameters: [{ path: 'kernel.pcp.high', values: range(64, 100) }] } }
    const plan = planExperiment(huge)
    expect(!plan.ok && plan.issues.map((i) => i.path)).toEqual(['sweep.parameters'])
  })

  it(`more than ${MAX_SEEDS} seeds are refused at run.seeds`, () => {
    expect(issues(validateProfile({ ...BASE, run: { durationMs: 100, seeds: range(MAX_SEEDS + 1) } }))).toEqual([
      expect.objectContaining({ path: 'run.seeds', message: expect.stringContaining(`at most ${MAX_SEEDS} seeds`) })
    ])
    expect(validateProfile({ ...BASE, run: { durationMs: 100, seeds: range(MAX_SEEDS) } }).ok).toBe(true)
  })

  it('the events of all jobs together are bounded, at run.durationMs', () => {
    // each job is under the per-job limit (200 M events), the run as a whole is not
    const doc = { ...BASE, kernel: { variants: ['workqueue', 'direct', 'direct-irqon', 'direct-chunked'] }, housekeeping: { allocRatePagesPerSec: 1e6, freeRatePagesPerSec: 1e6 }, run: { durationMs: 100_000, seriesWindowMs: 1000, seeds: range(1000) } }
    const checked = issues(validateProfile(doc))
    expect(checked).toEqual([expect.objectContaining({ path: 'run.durationMs', message: expect.stringContaining(`over the limit of ${MAX_EVENTS_PER_RUN / 1e9} G events per run`) })])
  })

  it('a 64 × 64 sweep of one variant and one seed (4096 jobs) is still valid, and validates quickly', () => {
    const doc = { ...BASE, kernel: { variants: ['direct'] }, sweep: { parameters: [{ path: 'kernel.pcp.high', values: range(64, 100) }, { path: 'kernel.costs.ipiNs', values: range(64, 1000) }] } }
    const started = Date.now()
    expect(validateProfile(doc).ok).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
