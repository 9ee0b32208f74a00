// What follows the end of a run, once per app whatever started it (Run button, Ctrl+Enter, the menu,
// History's re-run): History is refreshed and, unless the run failed, its results are loaded for the
// Results view. `ready` is the run whose results just landed, for the shell to announce.
import type { RunFinished } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useHistoryStore } from './history'
import { useResultsStore } from './results'
import { useRunsStore } from './runs'

export const useRunFinishStore = defineStore('runFinish', () => {
  const runs = useRunsStore()
  const results = useResultsStore()
  const history = useHistoryStore()
  const ready = ref<RunFinished | null>(null)

  // a store's setup runs once per Pinia: one follower of the run's events, however many views act on runs
  runs.subscribe()
  runs.onFinished(async (finished) => {
    void history.refresh()
    if (finished.status === 'failed') return
    if (await results.load(finished.runId)) ready.value = finished
  })

  return { ready }
})
