import { describe, expect, it } from 'vitest'
import { getAtPath, ProfilePathError, setAtPath, setFromText } from '../../src-shared/profile/paths'
import { validateProfile } from '../../src-shared/profile/validate'
import type { Profile } from '../../src-shared/profile/schema'

function base(): Profile {
  const v = validateProfile({ schemaVersion: 1, machine: { cpus: 8, isolated: '4-7' }, rtTasks: [{ name: 't', cpu: 4, mode: 'periodic', periodUs: 1000, runtimeUs: 100 }] })
  if (!v.ok) throw new Error('base')
  return v.profile
}

describe('profile paths', () => {
  it('gets and sets nested values and array elements without touching the input', () => {
    const p = base()
    expect(getAtPath(p, 'machine.cpus')).toBe(8)
    expect(getAtPath(p, 'rtTasks.0.cpu')).toBe(4)
    expect(getAtPath(p, 'machine.nope')).toBeUndefined()
    const q = setAtPath(p, 'rtTasks.0.cpu', 5)
    expect(getAtPath(q, 'rtTasks.0.cpu')).toBe(5)
    expect(p.rtTasks[0].cpu).toBe(4)
  })

  it('refuses a missing array element, empty segments and prototype keys', () => {
    expect(() => setAtPath(base(), 'rtTasks.3.cpu', 1)).toThrow(ProfilePathError)
    expect(() => setAtPath(base(), 'machine..cpus', 1)).toThrow(ProfilePathError)
    expect(() => setAtPath(base(), '__proto__.polluted', 1)).toThrow(ProfilePathError)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('coerces --set text to the type the schema accepts at the path', () => {
    const p = base()
    expect(getAtPath(setFromText(p, 'machine.cpus', '64'), 'machine.cpus')).toBe(64)
    expect(getAtPath(setFromText(p, 'kernel.pcp.autotune', 'true'), 'kernel.pcp.autotune')).toBe(true)
    expect(getAtPath(setFromText(p, 'kernel.antiStarvation.policy', 'none'), 'kernel.antiStarvation.policy')).toBe('none')
    // a cpulist that looks like a number stays a string
    expect(getAtPath(setFromText(p, 'machine.isolated', '7'), 'machine.isolated')).toBe('7')
    expect(getAtPath(setFromText(p, 'kernel.pcp.high', '1000'), 'kernel.pcp.high')).toBe(1000)
    expect(getAtPath(setFromText(p, 'kernel.pcp.high', 'auto'), 'kernel.pcp.high')).toBe('auto')
    expect(getAtPath(setFromText(p, 'kernel.variants', '["direct"]'), 'kernel.variants')).toEqual(['direct'])
    expect(getAtPath(setFromText(p, 'drainSources', '[{"kind":"cma","ratePerSec":5}]'), 'drainSources.0.kind')).toBe('cma')
  })

  it('keeps the JSON reading when nothing fits, so validation says why', () => {
    const bad = validateProfile(setFromText(base(), 'machine.cpus', 'many'))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues.some((i) => i.path === 'machine.cpus')).toBe(true)
  })
})
