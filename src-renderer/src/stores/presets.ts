// The lab's presets (listPresets), fetched once and kept: the fastest way into an experiment.
import type { PresetInfo } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const usePresetsStore = defineStore('presets', () => {
  const presets = ref<PresetInfo[]>([])
  const loading = ref(false)
  const error = ref<StoreError | null>(null)

  async function load(): Promise<void> {
    if (loading.value || presets.value.length) return
    loading.value = true
    try {
      presets.value = await lab().listPresets({})
      error.value = null
    } catch (e) {
      error.value = storeError(e)
    } finally {
      loading.value = false
    }
  }

  return { presets, loading, error, load }
})
