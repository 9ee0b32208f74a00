// Profile files through the lab: open and save (Electron: native dialogs; browser host: recent paths
// only) and the recent list both feed. A failed request leaves its StoreError in `error` and returns
// null, so the caller can say which action failed; the recent list keeps what it had.
import type { ProfileFile } from '@shared/api'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export const useProfileFilesStore = defineStore('profileFiles', () => {
  const recent = ref<string[]>([])
  const error = ref<StoreError | null>(null)

  /** Runs one request; on failure keeps its error and answers null. */
  async function request<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      const answer = await call()
      error.value = null
      return answer
    } catch (e) {
      error.value = storeError(e)
      return null
    }
  }

  async function refreshRecent(): Promise<boolean> {
    const paths = await request(() => lab().listRecentProfiles({}))
    if (paths) recent.value = paths
    return paths !== null
  }

  /** The profile at path, or the one picked in a native Open dialog; null when cancelled or failed (see error). */
  function open(path?: string): Promise<ProfileFile | null> {
    return request(() => lab().openProfile(path === undefined ? {} : { path }))
  }

  /** Saved to path, or where a native Save dialog says; null when cancelled or failed (see error). */
  async function save(profile: unknown, path?: string): Promise<{ path: string } | null> {
    const saved = await request(() => lab().saveProfile(path === undefined ? { profile } : { profile, path }))
    if (saved) void refreshRecent()
    return saved
  }

  return { recent, error, refreshRecent, open, save }
})
