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
})
