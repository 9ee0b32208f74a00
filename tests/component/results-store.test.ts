// The results on screen are those of the run opened last: History's Open and a run's end can both ask
// for results, and a slow answer for an earlier request must not replace a newer one.
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS } from '../../src-shared/api'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults } from '../../src-shared/results/types'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { newProfile } from '../../src-renderer/src/design/new-profile'
import { useResultsStore } from '../../src-renderer/src/stores/results'

const document = (name: string): ExperimentResults => ({ schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'e', profile: { ...newProfile(), name }, jobs: [], aggregates: [] })

describe('results store', () => {
  it('keeps the run opened last when an earlier open answers after it', async () => {
    const answers = new Map<string, (d: ExperimentResults) => void>()
    const getResults = vi.fn((req: { runId: string }) => new Promise<ExperimentResults>((resolve) => answers.set(req.runId, resolve)))
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(async () => null)]))
    setLabConnection({
      client: { ...methods, getResults, on: () => () => {} } as never,
      kind: 'electron', endpoint: 'ipc', state: () => 'open', onStateChange: () => () => {}, onCommand: () => () => {}
    })
    setActivePinia(createPinia())
    const store = useResultsStore()
    const first = store.load('r1')
    const second = store.load('r2')
    answers.get('r2')!(document('two'))
    expect(await second).toBe(true)
    answers.get('r1')!(document('one'))
    expect(await first).toBe(false)
    expect(store.runId).toBe('r2')
    expect(store.results?.profile.name).toBe('two')
    expect(store.loading).toBe(false)
  })
})
