// @vitest-environment happy-dom
// A run from start to finish over a fake lab: progress events fill the Run view, the finish loads the
// results and refreshes History.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, type LabEvent } from '../../src-shared/api'
import App from '../../src-renderer/src/App.vue'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import type { ConnectionState } from '../../src-renderer/src/api/lab-connection'
import { newProfile } from '../../src-renderer/src/design/new-profile'

describe('run lifecycle', () => {
  it('shows streamed progress, then loads the results when the run finishes', async () => {
    localStorage.clear()
    const listeners = new Map<LabEvent, Array<(p: unknown) => void>>()
    const emit = (event: LabEvent, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload))
    const results = { schemaVersion: 1, engineVersion: 'e', profile: newProfile(), jobs: [], aggregates: [] }
    const replies: Record<string, () => Promise<unknown>> = {
      hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
      listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
      startRun: async () => ({ runId: 'r1' }), getResults: async () => results
    }
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
    const on = (event: LabEvent, l: (p: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), l])
      return () => {}
    }
    setLabConnection(electronConnection({ ...methods, on, onCommand: () => () => {} } as unknown as ElectronLabBridge))
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()

    await wrapper.get('[data-testid="design-run"]').trigger('click')
    await flushPromises()
    const job = { id: 'j1', variant: 'direct', seed: 1, sweepLabel: null, status: 'running', fraction: 0.5, eventsPerSec: 2_500_000, etaMs: 3000 }
    emit('runProgress', { runId: 'other', total: 1, counts: { queued: 0, running: 1, completed: 0, failed: 0, cancelled: 0 }, jobs: [], overall: { fraction: 0.9, etaMs: 1, eventsPerSec: 1 } })
    // the lab lists only the jobs that changed: the 6 still queued are counted, not listed
    emit('runProgress', { runId: 'r1', total: 7, counts: { queued: 6, running: 1, completed: 0, failed: 0, cancelled: 0 }, jobs: [job], overall: { fraction: 0.5, etaMs: 3000, eventsPerSec: 2_500_000 } })
    await flushPromises()
    expect(wrapper.get('[data-testid="run-percent"]').text()).toBe('50 %')
    expect(wrapper.get('[data-testid="run-rate"]').text()).toBe('2.50 M events/s')
    expect(wrapper.get('[data-testid="run-eta"]').text()).toBe('ETA 3 s')
    expect(wrapper.get('[data-testid="status-run"]').text()).toBe('running 50 %')
    expect(wrapper.get('[data-testid="run-queued-more"]').text()).toBe('and 6 more jobs queued')

    const historyCalls = methods.listHistory.mock.calls.length
    emit('runFinished', { runId: 'r1', status: 'completed' })
    await flushPromises()
    expect(methods.getResults).toHaveBeenCalledWith({ runId: 'r1' })
    expect(methods.listHistory.mock.calls.length).toBeGreaterThan(historyCalls)
    expect(wrapper.get('[data-testid="run-finished"]').attributes('data-status')).toBe('completed')
    expect(document.body.textContent).toContain('Run completed. Results are ready.')
    expect(wrapper.find('[data-testid="run-not-saved"]').exists()).toBe(false)

    // the next run completes but its results could not be saved: the user is told what and where
    methods.startRun.mockImplementation(async () => ({ runId: 'r2' }))
    await wrapper.get('[data-testid="run-start"]').trigger('click')
    await flushPromises()
    const saveError = 'cannot save the results in /data/experiments/r2: the disk is full (ENOSPC)'
    emit('runFinished', { runId: 'r2', status: 'completed', saveError })
    await flushPromises()
    expect(wrapper.get('[data-testid="run-not-saved"]').text()).toContain(saveError)
    expect(document.body.textContent).toContain(`Run completed, but not saved: ${saveError}`)
    wrapper.unmount()
  })
})

describe('connection lost during a run', () => {
  it('says what happened and lets the user stop waiting', async () => {
    localStorage.clear()
    const replies: Record<string, () => Promise<unknown>> = {
      hostInfo: async () => ({ host: 'browser', appVersion: '1', engineVersion: '1', nativeDialogs: false }),
      listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
      startRun: async () => ({ runId: 'r2' })
    }
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
    let state: ConnectionState = 'open'
    const stateListeners: Array<(s: ConnectionState) => void> = []
    setLabConnection({
      client: { ...methods, on: () => () => {} } as never,
      kind: 'browser', endpoint: 'ws://127.0.0.1:1/lab',
      state: () => state,
      onStateChange: (l) => { stateListeners.push(l); return () => {} },
      onCommand: () => () => {}
    })
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="design-run"]').trigger('click')
    await flushPromises()
    state = 'closed'
    stateListeners.forEach((l) => l('closed'))
    await flushPromises()
    expect(wrapper.get('[data-testid="status-host"]').text()).toContain('disconnected')
    const banner = wrapper.get('[data-testid="run-connection-lost"]')
    expect(banner.text()).toContain('History lists what was saved')
    await banner.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="run-connection-lost"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="run-start"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })
})
