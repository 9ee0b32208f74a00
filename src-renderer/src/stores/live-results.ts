// The numbers of the run still going: the lab's in-progress snapshot of the jobs ended so far. It is
// fetched again when another job completes, not on every progress tick: a snapshot carries whole
// histograms, and only a completed job changes what the cards show. Kept apart from the results store,
// so the Results view keeps showing the last finished run until this one ends.
import type { ExperimentResults } from '@shared/results/types'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { lab } from '../api/lab-instance'
import { useRunsStore } from './runs'
import { storeError, type StoreError } from './store-error'

export const useLiveResultsStore = defineStore('liveResults', () => {
  const runs = useRunsStore()
  /** a shallowRef, as in the results store: Vue does not proxy every number of every histogram */
  const snapshot = shallowRef<ExperimentResults | null>(null)
  const error = ref<StoreError | null>(null)
  /** answers can overtake each other; only the newest request may land */
  let latestRequest = 0

  const completedJobs = computed(() => {
    const progress = runs.progress
    return progress !== null && progress.runId === runs.activeRunId ? progress.counts.completed : 0
  })

  async function refresh(runId: string): Promise<void> {
    const request = ++latestRequest
    try {
      const document = await lab().getResults({ runId })
      if (request !== latestRequest || runs.activeRunId !== runId) return
      snapshot.value = document
      error.value = null
    } catch (e) {
      if (request !== latestRequest) return
      error.value = storeError(e)
    }
  }

  // a new run or the end of one clears the numbers: once finished, the final results take over
  watch(() => runs.activeRunId, () => {
    latestRequest++
    snapshot.value = null
    error.value = null
  })

  watch([() => runs.activeRunId, completedJobs], ([runId, completed]) => {
    if (runId === null || completed === 0) return
    void refresh(runId)
  }, { immediate: true })

  return { snapshot, error }
})
