// Two runs from History side by side (Compare): which run is in slot A and B, its results document,
// its error, and the chart overlaid. A pick replaces the one before it in its slot, and answers can
// overtake each other on every transport, so each slot lands only the answer to its latest request.
import type { ExperimentResults } from '@shared/results/types'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export type CompareSlot = 'a' | 'b'
type PerSlot<T> = Record<CompareSlot, T>

export const useCompareStore = defineStore('compare', () => {
  const runIds = ref<PerSlot<string | null>>({ a: null, b: null })
  /** shallow, as in the results store: Vue does not proxy every number of two whole documents */
  const results = shallowRef<PerSlot<ExperimentResults | null>>({ a: null, b: null })
  const loading = ref<PerSlot<boolean>>({ a: false, b: false })
  const errors = ref<PerSlot<StoreError | null>>({ a: null, b: null })
  /** a CHARTS id */
  const chart = ref('latency-percentiles')
  const latestRequest: PerSlot<number> = { a: 0, b: 0 }

  function settle(slot: CompareSlot, document: ExperimentResults | null, error: StoreError | null): void {
    results.value = { ...results.value, [slot]: document }
    errors.value = { ...errors.value, [slot]: error }
    loading.value = { ...loading.value, [slot]: false }
  }

  /** Put runId (or nothing) in a slot and load its results; picking the run already there does nothing. */
  async function pick(slot: CompareSlot, runId: string | null): Promise<void> {
    if (runId === runIds.value[slot] && errors.value[slot] === null && (results.value[slot] !== null || loading.value[slot])) return
    const request = ++latestRequest[slot]
    runIds.value = { ...runIds.value, [slot]: runId }
    settle(slot, null, null)
    if (runId === null) return
    loading.value = { ...loading.value, [slot]: true }
    try {
      const document = await lab().getResults({ runId })
      if (request === latestRequest[slot]) settle(slot, document, null)
    } catch (e) {
      if (request === latestRequest[slot]) settle(slot, null, storeError(e))
    }
  }

  return { runIds, results, loading, errors, chart, pick }
})
