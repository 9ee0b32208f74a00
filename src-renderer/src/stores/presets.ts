// The lab's presets (listPresets), fetched once and kept: the fastest way into an experiment.
import { LabError, type PresetInfo } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'

export const usePresetsStore = defineStore('presets', () => {
  const presets = ref<PresetInfo[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    if (loading.value || presets.value.length) return
    loading.value = true
    try {
      presets.value = await lab().listPresets({})
      error.value = null
    } catch (e) {
      error.value = e instanceof LabError || e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  return { presets, loading, error, load }
})
