// @vitest-environment happy-dom
// The Run view never stays "running" after the run ended: when a cancel comes too late (the lab answers
// cancelled: false) and after every reconnect of the browser host's socket (pushed events are not
// replayed), the store asks the lab where the run stands and settles on its answer.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError, type LabEvent } from '../../src-shared/api'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../src-shared/results/types'
import App from '../../src-renderer/src/App.vue'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import type { ConnectionState } from '../../src-renderer/src/api/lab-connection'
import { newProfile } from '../../src-renderer/src/design/new-profile'

const cancelledJob: JobResult = { id: 'direct-s1', variant: 'direct', seed: 1, sweepPoint: null, status: 'cancelled' }
const ended: ExperimentResults = { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile: newProfile(), jobs: [cancelledJob], aggregates: [], partial: true }
const stillGoing: ExperimentResults = { ...ended, jobs: [], partial: undefined, inProgress: true }

/** A browser-host connection whose state, events and getResults/cancelRun answers the test drives. */
function fakeLab(answers: { getResults: () => Promise<ExperimentResults>; cancelRun?: () => Promise<{ cancelled: boolean }> }) {
  const replies: Record<string, () => Promise<unknown>> = {
    hostInfo: async () => ({ host: 'browser', appVersion: '1', engineVersion: '1', nativeDialogs: false }),
    listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
    startRun: async () => ({ runId: 'r1' }),
    cancelRun: answers.cancelRun ?? (async () => ({ cancelled: true })),
    getResults: answers.getResults
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
  let state: ConnectionState = 'open'
  const stateListeners: Array<(s: ConnectionState) => void> = []
  const eventListeners = new Map<LabEvent, Array<(p: unknown) => void>>()
  setLabConnection({
    client: {
      ...methods,
      on: (event: LabEvent, l: (p: unknown) => void) => {
        eventListeners.set(event, [...(eventListeners.get(event) ?? []), l])
        return () => {}
      }
    } as never,
    kind: 'browser', endpoint: 'ws://127.0.0.1:1/lab',
    state: () => state,
    onStateChange: (l) => { stateListeners.push(l); return () => {} },
    onCommand: () => () => {}
  })
  const setState = async (next: ConnectionState) => {
    state = next
    stateListeners.forEach((l) => l(next))
    await flushPromises()
  }
  return { methods, setState }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function startRun(): Promise<VueWrapper> {
  localStorage.clear()
  wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
  await flushPromises()
  await wrapper.get('[data-testid="design-run"]').trigger('click')
  await flushPromises()
  expect(wrapper.get('[data-testid="run-start"]').attributes('disabled')).toBeDefined()
  return wrapper
}

describe('a cancel the lab answers with cancelled: false', () => {
  it('settles as finished and loads the results when the run had ended', async () => {
    const { methods } = fakeLab({ getResults: async () => ended, cancelRun: async () => ({ cancelled: false }) })
    const view = await startRun()
    const historyCalls = methods.listHistory.mock.calls.length
    await view.get('[data-testid="run-cancel"]').trigger('click')
    await flushPromises()
    expect(methods.getResults).toHaveBeenCalledWith({ runId: 'r1' })
    expect(view.get('[data-testid="run-finished"]').attributes('data-status')).toBe('cancelled')
    expect(view.get('[data-testid="run-start"]').attributes('disabled')).toBeUndefined()
    // the finish is handled like a pushed one: History refreshed, results fetched for the Results view
    expect(methods.listHistory.mock.calls.length).toBeGreaterThan(historyCalls)
    expect(methods.getResults.mock.calls.length).toBe(2)
  })

  it('keeps running, with Cancel usable again, when the run is still going', async () => {
    const { methods } = fakeLab({ getResults: async () => stillGoing, cancelRun: async () => ({ cancelled: false }) })
    const view = await startRun()
    await view.get('[data-testid="run-cancel"]').trigger('click')
    await flushPromises()
    expect(methods.getResults).toHaveBeenCalledOnce()
    expect(view.find('[data-testid="run-finished"]').exists()).toBe(false)
    const cancel = view.get('[data-testid="run-cancel"]')
    expect(cancel.attributes('disabled')).toBeUndefined()
    expect(cancel.classes().join(' ')).not.toContain('loading')
  })
})

describe('a reconnect during a run', () => {
  it('finishes the run whose runFinished was lost while the socket was down', async () => {
    let runEnded = false
    const { methods, setState } = fakeLab({ getResults: async () => (runEnded ? ended : stillGoing) })
    const view = await startRun()
    await setState('closed')
    expect(view.get('[data-testid="run-connection-lost"]').text()).toContain('its results load if it ended meanwhile')
    runEnded = true
    await setState('connecting')
    expect(methods.getResults).not.toHaveBeenCalled()
    await setState('open')
    expect(methods.getResults).toHaveBeenCalledWith({ runId: 'r1' })
    expect(view.get('[data-testid="run-finished"]').attributes('data-status')).toBe('cancelled')
    expect(view.find('[data-testid="run-connection-lost"]').exists()).toBe(false)
  })

  it('keeps following a run that is still going', async () => {
    const { methods, setState } = fakeLab({ getResults: async () => stillGoing })
    const view = await startRun()
    await setState('closed')
    await setState('open')
    expect(methods.getResults).toHaveBeenCalledOnce()
    expect(view.find('[data-testid="run-finished"]').exists()).toBe(false)
    expect(view.get('[data-testid="run-start"]').attributes('disabled')).toBeDefined()
  })

  it('says the run was lost when the restarted lab does not know it', async () => {
    const { setState } = fakeLab({ getResults: async () => { throw new LabError('not-found', 'no results for run r1') } })
    const view = await startRun()
    await setState('closed')
    await setState('open')
    const panel = view.get('[data-testid="error-panel"]').text()
    expect(panel).toContain('The run was lost')
    expect(panel).toContain('no longer knows run r1')
    expect(view.get('[data-testid="run-start"]').attributes('disabled')).toBeUndefined()
  })
})
