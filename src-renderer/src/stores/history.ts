// Past experiments as the lab keeps them: list, delete with undo, and the two picked for Compare.
import type { HistoryEntry } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const useHistoryStore = defineStore('history', () => {
  const entries = ref<HistoryEntry[]>([])
  const loading = ref(false)
  const error = ref<StoreError | null>(null)
  /** run ids picked for Compare, at most two, in the order picked */
  const compare = ref<string[]>([])

  /** Refreshes overlap (showing the view, a run's end, a delete); only the newest answer may land. */
  let latestRequest = 0

  async function refresh(): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    try {
      const list = await lab().listHistory({})
      if (request !== latestRequest) return
      entries.value = list
      error.value = null
    } catch (e) {
      if (request === latestRequest) error.value = storeError(e)
    } finally {
      if (request === latestRequest) loading.value = false
    }
  }

  async function remove(runId: string): Promise<boolean> {
    try {
      const { deleted } = await lab().deleteHistory({ runId })
      compare.value = compare.value.filter((id) => id !== runId)
      await refresh()
      return deleted
    } catch (e) {
      error.value = storeError(e)
      return false
    }
  }

  async function restore(runId: string): Promise<boolean> {
    try {
      const { restored } = await lab().restoreHistory({ runId })
      await refresh()
      return restored
    } catch (e) {
      error.value = storeError(e)
      return false
    }
  }

  function toggleCompare(runId: string): void {
    if (compare.value.includes(runId)) compare.value = compare.value.filter((id) => id !== runId)
    else compare.value = [...compare.value.slice(-1), runId]
  }

  return { entries, loading, error, compare, refresh, remove, restore, toggleCompare }
})
