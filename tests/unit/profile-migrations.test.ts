import { describe, expect, it } from 'vitest'
import { parseProfileJson } from '../../src-shared/profile/load'
import { MIGRATIONS, migrateProfile, type Migration } from '../../src-shared/profile/migrations'
import { PROFILE_SCHEMA_VERSION } from '../../src-shared/profile/schema'

const minimal = { schemaVersion: 1, machine: { cpus: 4, isolated: '3' } }

describe('profile schemaVersion migrations', () => {
  it('the current version passes unchanged', () => {
    const r = migrateProfile(minimal)
    expect(r.ok && r.fromVersion).toBe(1)
    expect(r.ok && r.doc).toEqual(minimal)
  })

  it('every version below the current one has a migration', () => {
    for (let v = 1; v < PROFILE_SCHEMA_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function')
  })

  it('refuses a file written by a newer Drain Lab with a clear message', () => {
    const r = parseProfileJson(JSON.stringify({ ...minimal, schemaVersion: PROFILE_SCHEMA_VERSION + 1 }))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues[0].path).toBe('schemaVersion')
      expect(r.issues[0].message).toContain('written by a newer Drain Lab')
    }
  })

  it('refuses a missing or malformed schemaVersion', () => {
    for (const bad of [{ machine: minimal.machine }, { ...minimal, schemaVersion: '1' }, { ...minimal, schemaVersion: 0 }, { ...minimal, schemaVersion: 1.5 }]) {
      const r = migrateProfile(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0].path).toBe('schemaVersion')
    }
    const missing = migrateProfile({ machine: minimal.machine })
    expect(!missing.ok && missing.issues[0].message).toContain('is required')
  })

  it('runs a chain of migrations in order, one version at a time (mechanism, with test migrations)', () => {
    const seen: number[] = []
    const chain: Record<number, Migration> = {
      1: (d) => { seen.push(d.schemaVersion as number); return { ...d, renamed: d.old, old: undefined } },
      2: (d) => { seen.push(d.schemaVersion as number); return { ...d, added: true } }
    }
    const r = migrateProfile({ schemaVersion: 1, old: 'x' }, chain, 3)
    expect(seen).toEqual([1, 2])
    expect(r.ok && r.doc).toMatchObject({ schemaVersion: 3, renamed: 'x', added: true })
    const gap = migrateProfile({ schemaVersion: 1 }, { 2: chain[2] }, 3)
    expect(!gap.ok && gap.issues[0].message).toContain('no migration from version 1 to 2')
  })

  it('reports JSON syntax errors with a line and column', () => {
    const r = parseProfileJson('{\n  "schemaVersion": 1,\n  "machine": { cpus: 4 }\n}')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0].message).toMatch(/line 3, column \d+/)
  })

  it('unknown keys are errors, not silently dropped', () => {
    const r = parseProfileJson(JSON.stringify({ ...minimal, machine: { ...minimal.machine, cpu: 4 } }))
    expect(!r.ok && r.issues.find((i) => i.path === 'machine')?.message).toContain('"cpu"')
  })
})
