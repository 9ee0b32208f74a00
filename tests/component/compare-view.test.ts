// @vitest-environment happy-dom
// Compare loads two runs' results. A slow answer for a run no longer picked must not replace the one
// picked since, and an error from an earlier pick must not stay on screen once a new pick loads.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError, type HistoryEntry } from '../../src-shared/api'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults } from '../../src-shared/results/types'
import App from '../../src-renderer/src/App.vue'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { newProfile } from '../../src-renderer/src/design/new-profile'
import { PRESETS } from '../../src-shared/profile/presets'
import { validateProfile } from '../../src-shared/profile/validate'
import { useUiStore } from '../../src-renderer/src/stores/ui'

const entry = (id: string): HistoryEntry => ({ id, name: id, createdAt: '2026-01-01T00:00:00Z', variants: ['direct'], seeds: [1], status: 'completed', headline: [] })
const document = (name: string): ExperimentResults => ({ schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'e', profile: { ...newProfile(), name }, jobs: [], aggregates: [] })

/** A lab whose getResults answers are handed out by the test, one per call, in call order. */
function fakeLab() {
  const pending: Array<{ runId: string; resolve: (d: ExperimentResults) => void; reject: (e: unknown) => void }> = []
  const replies: Record<string, (req: never) => Promise<unknown>> = {
    hostInfo: async () => ({ host: 'electron', appVersion: '1', engineVersion: '1', nativeDialogs: true }),
    listPresets: async () => [], listRecentProfiles: async () => [],
    listHistory: async () => ['r1', 'r2', 'r3'].map(entry),
    getResults: (req: { runId: string }) => new Promise((resolve, reject) => pending.push({ runId: req.runId, resolve, reject }))
  }
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
  setLabConnection({
    client: { ...methods, on: () => () => {} } as never,
    kind: 'electron', endpoint: 'ipc', state: () => 'open', onStateChange: () => () => {}, onCommand: () => () => {}
  })
  /** Answers the oldest unanswered getResults for runId. */
  const answer = async (runId: string, outcome: ExperimentResults | LabError) => {
    const call = pending.find((p) => p.runId === runId)!
    pending.splice(pending.indexOf(call), 1)
    if (outcome instanceof LabError) call.reject(outcome)
    else call.resolve(outcome)
    await flushPromises()
  }
  return { methods, answer }
}

let wrapper: VueWrapper | null = null
afterEach(() => wrapper?.unmount())

async function openCompare(pinia: Pinia) {
  wrapper = mount(App, { global: { plugins: [pinia] }, attachTo: globalThis.document.body })
  setActivePinia(pinia)
  useUiStore().show('compare')
  await flushPromises()
  const selects = wrapper.findAllComponents(NSelect)
  const pick = async (slot: 0 | 1, runId: string) => {
    selects[slot].vm.$emit('update:value', runId)
    await flushPromises()
  }
  return { wrapper, pick }
}

/** The profile names the diff table shows as A and B. */
function namesShown(w: VueWrapper): string[] {
  const row = w.findAll('[data-testid="compare-diff"] tbody tr').find((r) => r.find('code').text() === 'name')
  return row ? row.findAll('td').slice(1).map((td) => td.text()) : []
}

describe('Compare view', () => {
  it('keeps the run picked last when an earlier pick answers after it (stale reply dropped)', async () => {
    localStorage.clear()
    const lab = fakeLab()
    const { wrapper: w, pick } = await openCompare(createPinia())
    await pick(0, 'r1')
    await pick(1, 'r2')
    await lab.answer('r2', document('two'))
    await pick(0, 'r3')
    await lab.answer('r3', document('three'))
    expect(namesShown(w)).toEqual(['three', 'two'])
    // the slow answer for r1, no longer picked, arrives last
    await lab.answer('r1', document('one'))
    expect(namesShown(w)).toEqual(['three', 'two'])
  })

  // the UI review: Results' empty state offers History as a button, Compare's was a link
  it('offers History as a button while no two runs are picked', async () => {
    localStorage.clear()
    fakeLab()
    const pinia = createPinia()
    const { wrapper: w } = await openCompare(pinia)
    const button = w.findAll('button').find((b) => b.text() === 'Open History')
    expect(button).toBeDefined()
    await button!.trigger('click')
    expect(useUiStore(pinia).view).toBe('history')
  })

  it('clears a failed pick\'s error when a new pick loads', async () => {
    localStorage.clear()
    const lab = fakeLab()
    const { wrapper: w, pick } = await openCompare(createPinia())
    await pick(1, 'r2')
    await lab.answer('r2', document('two'))
    await pick(0, 'r1')
    await lab.answer('r1', new LabError('not-found', 'no results for run r1'))
    expect(w.get('[data-testid="error-panel"]').text()).toContain('no results for run r1')
    await pick(0, 'r3')
    await lab.answer('r3', document('three'))
    expect(namesShown(w)).toEqual(['three', 'two'])
    expect(w.find('[data-testid="error-panel"]').exists()).toBe(false)
  })

  // the fresh-clone walk: 1 kHz control loop vs the stress preset listed 98 rows before the chart
  it('lists six differences, the machine and task count first, and all of them behind a toggle', async () => {
    localStorage.clear()
    const lab = fakeLab()
    const { wrapper: w, pick } = await openCompare(createPinia())
    const preset = (name: RegExp): ExperimentResults => {
      const checked = validateProfile(PRESETS.find((p) => name.test(p.profile.name ?? ''))!.profile)
      if (!checked.ok) throw new Error('preset does not validate')
      return { ...document(''), profile: checked.profile }
    }
    await pick(0, 'r1')
    await lab.answer('r1', preset(/1 kHz/))
    await pick(1, 'r2')
    await lab.answer('r2', preset(/Stress/))
    const rows = () => w.findAll('[data-testid="compare-diff"] tbody tr').map((r) => r.find('td').text())
    expect(rows()).toHaveLength(6)
    expect(rows().slice(0, 3)).toEqual(['CPUsmachine.cpus', 'Isolated CPUsmachine.isolated', 'realtime tasks (count)rtTasks.length'])
    const toggle = w.get('[data-testid="compare-diff-toggle"]')
    const total = Number(/Show all (\d+) differences/.exec(toggle.text())![1])
    expect(total).toBeGreaterThan(80)
    // the headline numbers are beside the short list, not below the whole of it
    expect(w.find('[data-testid="compare-table"]').exists()).toBe(true)
    await toggle.trigger('click')
    expect(rows()).toHaveLength(total)
    // every row has a readable name, its dotted path in small type beside it
    for (const r of w.findAll('[data-testid="compare-diff"] tbody tr')) expect(r.find('td').text()).not.toBe(r.find('code').text())
    expect(rows()).toContain('task 1 runtime: distributionrtTasks.0.runtimeUs.dist')
    await w.get('[data-testid="compare-diff-toggle"]').trigger('click')
    expect(rows()).toHaveLength(6)
  })
})
