// Which host serves the lab (Electron or `drainlab serve`), its versions, and whether the link is up.
import type { HostInfo } from '@shared/api'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { labConnection } from '../api/lab-instance'
import type { ConnectionState } from '../api/lab-connection'
import { storeError, type StoreError } from './store-error'

export const useHostStore = defineStore('host', () => {
  const connection = labConnection()
  const state = ref<ConnectionState>(connection.state())
  const info = ref<HostInfo | null>(null)
  const error = ref<StoreError | null>(null)

  async function refreshInfo(): Promise<void> {
    try {
      info.value = await connection.client.hostInfo({})
      error.value = null
    } catch (e) {
      error.value = storeError(e)
    }
  }

  connection.onStateChange((s) => {
    state.value = s
    if (s === 'open') void refreshInfo()
  })
  void refreshInfo()

  const hostLabel = computed(() => connection.kind === 'electron' ? 'Electron' : `browser · ${connection.endpoint}`)
  const nativeDialogs = computed(() => info.value?.nativeDialogs ?? connection.kind === 'electron')

  return { kind: connection.kind, state, info, error, hostLabel, nativeDialogs, refreshInfo }
})
