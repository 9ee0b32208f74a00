// The experiment whose results are on screen. ExperimentResults can hold large series: it is kept
// in a shallowRef so Vue does not proxy every number, and charts get plain copies anyway.
import type { ExperimentResults } from '@shared/results/types'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const useResultsStore = defineStore('results', () => {
  const runId = ref<string | null>(null)
  const results = shallowRef<ExperimentResults | null>(null)
  const loading = ref(false)
  const error = ref<StoreError | null>(null)
  /** The Results tab the user chose: a CHARTS group, or 'overview'. */
  const tab = ref('overview')

  /** History's Open and a run's end both load results; answers can overtake each other, only the newest request may land. */
  let latestRequest = 0

  /** True when this run's results are now on screen; false when they failed or a newer load overtook them. */
  async function load(id: string): Promise<boolean> {
    const request = ++latestRequest
    loading.value = true
    error.value = null
    try {
      const document = await lab().getResults({ runId: id })
      if (request !== latestRequest) return false
      results.value = document
      runId.value = id
      return true
    } catch (e) {
      if (request === latestRequest) error.value = storeError(e)
      return false
    } finally {
      if (request === latestRequest) loading.value = false
    }
  }

  return { runId, results, loading, error, tab, load }
})
