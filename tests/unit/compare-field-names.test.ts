// Compare names a profile field by the list entry both runs give it, never by one side's name alone
// (seen on a measured cyclictest run compared with the 1 kHz preset: "cyclictest T0 priority" for loop2's).
import { describe, expect, it } from 'vitest'
import { fieldName, sharedEntries } from '../../src-shared/profile/field-names'

describe('field names in a comparison', () => {
  const a = { rtTasks: [{ name: 'loop2' }, { name: 'poll' }], drainSources: [{ kind: 'reclaim' }, { kind: 'cma' }] }
  const b = { rtTasks: [{ name: 'cyclictest T0' }, { name: 'poll' }], drainSources: [{ kind: 'reclaim' }] }
  it('keeps a name both sides share and falls back to the entry number where they differ', () => {
    const shared = sharedEntries(a, b)
    expect(fieldName('rtTasks.0.priority', shared)).toBe('task 1 priority')
    expect(fieldName('rtTasks.1.periodUs', shared)).toBe('poll period (µs)')
    expect(fieldName('rtTasks.0.cpu', shared)).toBe('task 1 CPU')
    expect(fieldName('drainSources.0.ratePerSec', shared)).toBe('reclaim drains per second')
    expect(fieldName('drainSources.1.ratePerSec', shared)).toBe('drain source 2: drains per second')
  })

  // the fresh-clone walk (1 kHz loop vs stress preset, a sweep vs the 1 kHz loop) met these as raw paths
  it('names a task\'s own name, its runtime distribution and the sweep\'s parameters by their entry number', () => {
    const shared = sharedEntries(a, b)
    expect(fieldName('rtTasks.1.name', shared)).toBe('task 2 name')
    expect(fieldName('rtTasks.0.runtimeUs.dist', shared)).toBe('task 1 runtime: distribution')
    expect(fieldName('rtTasks.0.runtimeUs.minUs', shared)).toBe('task 1 runtime min (µs)')
    expect(fieldName('rtTasks.1.runtimeUs.maxUs', shared)).toBe('poll runtime max (µs)')
    expect(fieldName('rtTasks.0.runtimeUs.medianUs', shared)).toBe('task 1 runtime median (µs)')
    expect(fieldName('drainSources.1.kind', shared)).toBe('drain source 2: kind')
    expect(fieldName('sweep.parameters.0.path')).toBe('sweep parameter 1: field')
    expect(fieldName('sweep.parameters.1.values')).toBe('sweep parameter 2: values')
    expect(fieldName('rtTasks.length')).toBe('realtime tasks (count)')
    expect(fieldName('rtTasks.0.runtimeUs.unknown')).toBe('rtTasks.0.runtimeUs.unknown')
  })
})
