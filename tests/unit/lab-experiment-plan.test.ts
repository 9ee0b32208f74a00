import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import type { Profile } from '../../src-shared/profile/schema'
import { planExperiment, sweepGrid } from '../../src-shared/profile/experiment-plan'

function profile(extra: Record<string, unknown>): Profile {
  const checked = validateProfile({ schemaVersion: 1, machine: { cpus: 8, isolated: '4-7' }, kernel: { variants: ['workqueue', 'direct'] }, run: { seeds: [1, 2] }, ...extra })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.profile
}

describe('experiment plan', () => {
  it('without a sweep: variants × seeds, in that order', () => {
    const plan = planExperiment(profile({}))
    expect(plan.ok && plan.jobs.map((j) => j.id)).toEqual(['workqueue-s1', 'workqueue-s2', 'direct-s1', 'direct-s2'])
  })

  it('a two-parameter sweep runs the grid, each point with its own validated profile', () => {
    const p = profile({ sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 1000, 'auto'] }, { path: 'machine.cpus', values: [8, 16] }] } })
    expect(sweepGrid(p)).toHaveLength(6)
    const plan = planExperiment(p)
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues))
    expect(plan.jobs).toHaveLength(6 * 2 * 2)
    const last = plan.jobs[plan.jobs.length - 1]
    expect(last.id).toBe('p5-direct-s2')
    expect(last.sweepPoint).toEqual({ values: { 'kernel.pcp.high': 'auto', 'machine.cpus': 16 } })
    expect(last.profile.machine.cpus).toBe(16)
    expect(last.profile.kernel.pcp.high).toBe('auto')
    expect(last.profile.sweep).toBeUndefined()
  })

  it('a grid value that makes the profile invalid is reported with its point', () => {
    const plan = planExperiment({ ...profile({}), sweep: { parameters: [{ path: 'machine.cpus', values: [8, 4] }] } })
    expect(plan.ok).toBe(false)
    if (!plan.ok) {
      expect(plan.issues[0].path).toBe('machine.isolated')
      expect(plan.issues[0].message).toMatch(/^at sweep point machine\.cpus=4: /)
    }
    const badPath = planExperiment({ ...profile({}), sweep: { parameters: [{ path: 'rtTasks.3.cpu', values: [1] }] } })
    expect(!badPath.ok && badPath.issues[0].path).toBe('sweep.parameters')
  })

  it('validateProfile refuses what the plan refuses, with the same issues (validate said "valid" to a sweep run refused)', () => {
    const doc = { schemaVersion: 1, machine: { cpus: 8, isolated: '4-7' }, sweep: { parameters: [{ path: 'rtTasks.3.cpu', values: [1] }] } }
    const checked = validateProfile(doc)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.issues).toEqual([{ path: 'sweep.parameters', message: 'rtTasks has no element 3 (it has 0)' }])
  })
})
