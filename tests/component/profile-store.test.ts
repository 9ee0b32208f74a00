// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { DRAFT_KEY, useProfileStore } from '../../src-renderer/src/stores/profile'

describe('profile store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('starts valid and clean with a new profile', () => {
    const p = useProfileStore()
    expect(p.valid).toBe(true)
    expect(p.dirty).toBe(false)
    expect(p.get('machine.isolated')).toBe('2-3')
  })

  it('maps validation issues to the field path as the user types', () => {
    const p = useProfileStore()
    p.set('machine.cpus', 0)
    expect(p.valid).toBe(false)
    expect(p.issuesAt('machine.cpus')).toEqual(['a machine has at least 1 CPU'])
    p.set('machine.cpus', 8)
    expect(p.issuesAt('machine.cpus')).toEqual([])
    p.set('rtTasks', [{ name: 'rt0', cpu: 1, mode: 'periodic', periodUs: 1000, runtimeUs: 200 }])
    expect(p.issuesAt('rtTasks.0.cpu')[0]).toMatch(/housekeeping CPU/)
    expect(p.issuesAt('rtTasks.0', true).length).toBe(1)
  })

  it('reports a bad cpulist at machine.isolated', () => {
    const p = useProfileStore()
    p.set('machine.isolated', '3-1')
    expect(p.issuesAt('machine.isolated')).toEqual(['range 3-1 runs backwards'])
  })

  it('tracks the dirty flag against the last saved or opened profile', () => {
    const p = useProfileStore()
    p.set('name', 'changed')
    expect(p.dirty).toBe(true)
    p.markSaved('changed.drainlab.json')
    expect(p.dirty).toBe(false)
    expect(p.path).toBe('changed.drainlab.json')
    p.set('run.durationMs', 50)
    expect(p.dirty).toBe(true)
    p.set('run.durationMs', 1000)
    expect(p.dirty).toBe(false)
    p.load({ schemaVersion: 1, machine: { cpus: 2 } }, null, true)
    expect(p.dirty).toBe(true)
  })

  it('autosaves the draft and restores it after a reload', async () => {
    const p = useProfileStore()
    p.set('name', 'kept across reloads')
    p.set('machine.cpus', 16)
    await nextTick()
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY)!)
    expect(saved.draft.name).toBe('kept across reloads')

    setActivePinia(createPinia())
    const again = useProfileStore()
    expect(again.get('name')).toBe('kept across reloads')
    expect(again.get('machine.cpus')).toBe(16)
    expect(again.dirty).toBe(true)
  })

  it('snapshot is a plain copy, not the reactive draft', () => {
    const p = useProfileStore()
    const snap = p.snapshot()
    snap.name = 'other'
    expect(p.get('name')).not.toBe('other')
  })
})
