// @vitest-environment happy-dom
// Runs told apart (issue 15, point 7): a run of an edited preset kept the preset's name in History and Compare.
// The draft remembers the preset it came from; what differs is named, and the run's name says so.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { editedRunName, presetEdits, presetNameOf } from '../../src-renderer/src/design/preset-edits'
import { useProfileStore } from '../../src-renderer/src/stores/profile'
import { PRESETS } from '../../src-shared/profile/presets/index'

const stress = PRESETS.find((p) => p.id === 'stress-test-series')!

describe('an edited preset', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('runs under the preset name while unedited, and under "(edited: <field>)" once a field changed', () => {
    const p = useProfileStore()
    p.loadPreset(stress.name, stress.profile)
    expect(p.editsFromPreset).toEqual([])
    expect(p.runSnapshot().name).toBe('Stress test from the series')
    p.set('kernel.pcp.high', 50)
    expect(p.editsFromPreset.map((e) => e.name)).toEqual(['pcp high (pages)'])
    expect(p.runSnapshot().name).toBe('Stress test from the series (edited: pcp high (pages))')
    // the draft itself keeps its name: only the run is named for the edit
    expect(p.name).toBe('Stress test from the series')
  })

  it('counts the fields when more than two changed, names list entries by their task, and counts an added task once', () => {
    const p = useProfileStore()
    p.loadPreset(stress.name, stress.profile)
    p.set('rtTasks.0.allocsPerJob', 16)
    expect(p.editsFromPreset.map((e) => e.name)).toEqual(['oslat8 allocations per job'])
    p.set('drainSources.0.ratePerSec', 10)
    p.set('rtTasks.8', { name: 'extra', cpu: 15, mode: 'periodic', periodUs: 1000, runtimeUs: 10 })
    expect(p.editsFromPreset.map((e) => e.name).sort()).toEqual(['oslat8 allocations per job', 'realtime task 9 added', 'reclaim drains per second'])
    expect(p.runSnapshot().name).toBe('Stress test from the series (edited: 3 fields)')
  })

  it('a name the user typed is theirs; another profile loaded forgets the preset', () => {
    const p = useProfileStore()
    p.loadPreset(stress.name, stress.profile)
    p.set('kernel.pcp.high', 50)
    p.set('name', 'high 50')
    expect(p.runSnapshot().name).toBe('high 50')
    p.load({ ...stress.profile, name: 'from a file' }, '/tmp/x.drainlab.json')
    expect(p.preset).toBeNull()
    expect(p.editsFromPreset).toEqual([])
  })

  it('the preset it came from survives a reload of the page (the autosaved draft)', async () => {
    const p = useProfileStore()
    p.loadPreset(stress.name, stress.profile)
    p.set('kernel.pcp.high', 50)
    await nextTick()
    setActivePinia(createPinia())
    expect(useProfileStore().runSnapshot().name).toBe('Stress test from the series (edited: pcp high (pages))')
  })

  it('a run name stays within 120 characters and gives back its preset', () => {
    const long = 'x'.repeat(115)
    const name = editedRunName(long, presetEdits({ a: 1 }, { a: 2 }))
    expect(name.length).toBeLessThanOrEqual(120)
    expect(name).toMatch(/ \(edited: 1 field\)$/)
    expect(presetNameOf('Stress test from the series (edited: pcp high (pages))')).toBe('Stress test from the series')
    expect(presetNameOf('Stress test from the series')).toBeNull()
  })
})
