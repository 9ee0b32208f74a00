// @vitest-environment happy-dom
// History shows a recorded run's profile and re-runs it from LabApi getProfile: the profile alone,
// not the whole results document (histograms, series) it would otherwise download for it.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, type HistoryEntry } from '../../src-shared/api'
import App from '../../src-renderer/src/App.vue'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { newProfile } from '../../src-renderer/src/design/new-profile'
import { useUiStore } from '../../src-renderer/src/stores/ui'

const entry: HistoryEntry = { id: 'r1', name: 'recorded', createdAt: '2026-01-01T00:00:00Z', variants: ['direct'], seeds: [7], status: 'completed', headline: [] }
const recorded = { ...newProfile(), name: 'recorded' }

function fakeLab(listed: HistoryEntry = entry) {
  const replies: Record<string, () => Promise<unknown>> = {
    hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
    listPresets: async () => [], listRecentProfiles: async () => [], listHistory: async () => [listed],
    getProfile: async () => recorded, startRun: async () => ({ runId: 'r2' })
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
  setLabConnection({
    client: { ...methods, on: () => () => {} } as never,
    kind: 'electron', endpoint: 'ipc', state: () => 'open', onStateChange: () => () => {}, onCommand: () => () => {}
  })
  return methods
}

let wrapper: VueWrapper | null = null
afterEach(() => wrapper?.unmount())

async function openHistory() {
  const pinia = createPinia()
  wrapper = mount(App, { global: { plugins: [pinia] }, attachTo: document.body })
  setActivePinia(pinia)
  useUiStore().show('history')
  await flushPromises()
  return wrapper
}

describe('History and recorded profiles', () => {
  it('shows an expanded run\'s profile from getProfile, never getResults', async () => {
    localStorage.clear()
    const methods = fakeLab()
    const w = await openHistory()
    await w.get('.n-data-table-expand-trigger').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="history-profile-r1"]').text()).toContain(`seeds ${recorded.run.seeds.join(', ')}`)
    expect(methods.getProfile).toHaveBeenCalledWith({ runId: 'r1' })
    expect(methods.getResults).not.toHaveBeenCalled()
  })

  it('re-runs the profile from getProfile, never getResults', async () => {
    localStorage.clear()
    const methods = fakeLab()
    const w = await openHistory()
    await w.get('[data-testid="history-rerun-r1"]').trigger('click')
    await flushPromises()
    expect(methods.getProfile).toHaveBeenCalledWith({ runId: 'r1' })
    expect(methods.startRun).toHaveBeenCalledWith({ profile: recorded })
    expect(methods.getResults).not.toHaveBeenCalled()
  })

  it('simulates an imported measurement\'s stand-in profile under a name that says so', async () => {
    localStorage.clear()
    const methods = fakeLab({ ...entry, engine: 'measured' })
    const w = await openHistory()
    const button = w.get('[data-testid="history-rerun-r1"]')
    expect(button.text()).toBe('Simulate')
    await button.trigger('click')
    await flushPromises()
    expect(methods.startRun).toHaveBeenCalledWith({ profile: { ...recorded, name: 'recorded (simulated)' } })
  })
})
