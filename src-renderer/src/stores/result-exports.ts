// Files the lab renders from a run (LabApi exportResults): the HTML report, JSON, CSV tables, the
// Perfetto trace. A failure leaves its StoreError in `error`.
import type { ExportedFile, ExportFormat } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const useResultExportsStore = defineStore('resultExports', () => {
  const error = ref<StoreError | null>(null)

  /** The files of one format, or null on failure (see error). */
  async function exportRun(runId: string, format: ExportFormat): Promise<ExportedFile[] | null> {
    error.value = null
    try {
      return await lab().exportResults({ runId, format })
    } catch (e) {
      error.value = storeError(e)
      return null
    }
  }

  return { error, exportRun }
})
