// The profiles recorded runs ran (LabApi getProfile), read once per run and kept: History shows them
// and re-runs them. Only the profile crosses the wire, not the run's whole results document; a run
// id names one run for good, so what was read stays true.
import type { Profile } from '@shared/profile/schema'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

type ReadProfile = { state: 'loaded'; profile: Profile } | { state: 'failed'; error: StoreError }
export type RecordedProfile = { state: 'loading' } | ReadProfile

export const useRecordedProfilesStore = defineStore('recordedProfiles', () => {
  const byRun = ref<Record<string, RecordedProfile>>({})

  /** The run's profile, read from the lab unless already read, or why the lab could not give it. */
  async function load(runId: string): Promise<ReadProfile> {
    const known = byRun.value[runId]
    if (known?.state === 'loaded') return known
    byRun.value[runId] = { state: 'loading' }
    let read: ReadProfile
    try {
      read = { state: 'loaded', profile: await lab().getProfile({ runId }) }
    } catch (e) {
      read = { state: 'failed', error: storeError(e) }
    }
    byRun.value[runId] = read
    return read
  }

  return { byRun, load }
})
