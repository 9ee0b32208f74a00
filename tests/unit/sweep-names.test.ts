// Sweeps an RT engineer asks for, read as they would say them (issue 15, point 6): over a drain source's rate,
// allocations per job and the anti-starvation policy, named "reclaim drains per second", not
// drainSources.0.ratePerSec, and charted with "worst seed" or "mean over seeds" as the summary table reports them.
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts/index'
import { fieldName, pointName } from '../../src-shared/profile/field-names'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { PRESETS } from '../../src-shared/profile/presets/index'
import { validateProfile } from '../../src-shared/profile/validate'
import { summaryRows } from '../../src-shared/results/summary-table'
import { syntheticResults } from './lab-support/synthetic-results'

const named = { drainSources: [{ kind: 'reclaim' }, { kind: 'cma' }], rtTasks: [{ name: 'poller' }] }

describe('sweep parameters by name', () => {
  it('names a drain source by its kind, a task field by the task, fixed fields by their label', () => {
    expect(fieldName('drainSources.0.ratePerSec', named)).toBe('reclaim drains per second')
    expect(fieldName('drainSources.1.ratePerSec', named)).toBe('cma drains per second')
    expect(fieldName('rtTasks.0.allocsPerJob', named)).toBe('poller allocations per job')
    expect(fieldName('kernel.antiStarvation.policy')).toBe('anti-starvation policy')
    expect(fieldName('kernel.pcp.high')).toBe('pcp high (pages)')
    // without the profile, or for a field with no name, still something true
    expect(fieldName('drainSources.0.ratePerSec')).toBe('drain source 1: drains per second')
    expect(fieldName('run.durationMs')).toBe('run.durationMs')
    expect(pointName({ 'drainSources.0.ratePerSec': 100, 'kernel.antiStarvation.policy': 'none' }, named))
      .toBe('reclaim drains per second = 100, anti-starvation policy = none')
  })

  it('a preset can sweep the drain rate, allocations per job and the policy: every point is a valid job', () => {
    const stress = PRESETS.find((p) => p.id.includes('stress'))!.profile
    for (const parameter of [
      { path: 'drainSources.0.ratePerSec', values: [10, 100, 1000] },
      { path: 'rtTasks.0.allocsPerJob', values: [0, 8, 64] },
      { path: 'kernel.antiStarvation.policy', values: ['none', 'rt-throttling', 'fair-server', 'stalld'] }
    ]) {
      const checked = validateProfile({ ...stress, sweep: { parameters: [parameter] } })
      expect(checked.ok, parameter.path).toBe(true)
      if (!checked.ok) continue
      const plan = planExperiment(checked.profile)
      expect(plan.ok, JSON.stringify(plan.ok ? '' : plan.issues)).toBe(true)
      if (plan.ok) expect(new Set(plan.jobs.map((j) => JSON.stringify(j.sweepPoint))).size).toBe(parameter.values.length)
    }
  })
})

describe('sweep chart labels', () => {
  const sweep = syntheticResults(true)
  const build = (metric: 'drainP99Ns' | 'latencyMaxNs') => CHARTS.find((c) => c.id === 'sweep-metric')!.build(sweep, { metric })
  const text = (t: unknown) => (Array.isArray(t) ? t.join(' ') : String(t))

  it('a mean metric says "mean over seeds" in title and axis, and the parameter by name', () => {
    const config = build('drainP99Ns')
    expect(text(config.options!.plugins!.title!.text)).toBe('drain p99 (mean over seeds) vs pcp high (pages)')
    expect((config.options!.scales!.x as { title: { text: string } }).title.text).toBe('pcp high (pages)')
    expect((config.options!.scales!.y as { title: { text: string } }).title.text).toBe('drain p99 (µs, mean over seeds)')
  })

  it('a maximum is the worst seed, as in the summary table, and says so', () => {
    const config = build('latencyMaxNs')
    expect(text(config.options!.plugins!.title!.text)).toContain('(worst seed)')
    const rows = summaryRows(sweep).filter((r) => r.variant === 'workqueue')
    expect(config.data.datasets[0].data).toEqual(rows.map((r) => r.values.latencyMaxNs / 1000))
  })
})
