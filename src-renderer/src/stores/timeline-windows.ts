// A timeline window recorded on request (Results → Timeline "Record this window", LabApi recordTimelineWindow):
// the lab runs the job again recording only that window. The answer is kept here for the session, in
// place of nothing on disk: the run's saved results stay as they were. One window at a time, the newest
// request's; a failure leaves its StoreError in `error`.
import type { RunTimeline } from '@shared/results/types'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { lab } from '../api/lab-instance'
import { storeError, type StoreError } from './store-error'

export interface RecordedWindow {
  runId: string
  jobId: string
  /** typed columns in base64, as large as a whole run's: never behind a deep proxy */
  timeline: RunTimeline
}

export const useTimelineWindowsStore = defineStore('timelineWindows', () => {
  const recorded = shallowRef<RecordedWindow | null>(null)
  const recording = ref(false)
  const error = ref<StoreError | null>(null)
  /** a window asked for while another is recording replaces it: only the newest answer may land */
  let latestRequest = 0

  /** The window [fromNs, untilNs) of job `jobId` of run `runId`; true when it is now `recorded`. */
  async function record(runId: string, jobId: string, fromNs: number, untilNs: number): Promise<boolean> {
    const request = ++latestRequest
    recording.value = true
    error.value = null
    try {
      const timeline = await lab().recordTimelineWindow({ runId, jobId, fromNs, untilNs })
      if (request !== latestRequest) return false
      recorded.value = { runId, jobId, timeline }
      return true
    } catch (e) {
      if (request === latestRequest) error.value = storeError(e)
      return false
    } finally {
      if (request === latestRequest) recording.value = false
    }
  }

  /** Back to the stored timeline: drops the window, and any answer still on its way. */
  function forget(): void {
    latestRequest++
    recorded.value = null
    recording.value = false
    error.value = null
  }

  /** The recorded window's timeline if it is of this job of this run. */
  function timelineOf(runId: string | null, jobId: string | undefined): RunTimeline | null {
    const r = recorded.value
    return r !== null && r.runId === runId && r.jobId === jobId ? r.timeline : null
  }

  return { recorded, recording, error, record, forget, timelineOf }
})
