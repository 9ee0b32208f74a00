// File ▸ Import: measurement files (cyclictest, oslat, rtla output) sent to the lab as text, which records
// them as a measured run (LabApi importMeasurements). A file the lab refuses leaves its StoreError, whose
// message names the file and the line.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const useMeasurementImportStore = defineStore('measurementImport', () => {
  const error = ref<StoreError | null>(null)
  const busy = ref(false)

  /** The run id the import is recorded under, or null when it failed (see error). */
  async function importFiles(files: Array<{ name: string; text: string }>): Promise<string | null> {
    busy.value = true
    try {
      const { runId } = await lab().importMeasurements({ files })
      error.value = null
      return runId
    } catch (e) {
      error.value = storeError(e)
      return null
    } finally {
      busy.value = false
    }
  }

  return { error, busy, importFiles }
})
