// The run in progress: starting it from the draft, the streamed progress, cancel, and what happened
// at the end. One run at a time, as the Run button suggests.
import { LabError, type RunFinished } from '@shared/api'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { lab } from '../api/lab-instance'
import { reduceProgress, type ProgressView } from './run-progress'

export const useRunsStore = defineStore('runs', () => {
  const activeRunId = ref<string | null>(null)
  const lastRunId = ref<string | null>(null)
  const progress = ref<ProgressView | null>(null)
  const finished = ref<RunFinished | null>(null)
  const error = ref<LabError | null>(null)
  const starting = ref(false)
  const cancelling = ref(false)
  const running = computed(() => activeRunId.value !== null)
  /** Jobs run in parallel (LabApi startRun `jobs`); null lets the lab size its worker pool. */
  const parallelJobs = ref<number | null>(null)
  const finishListeners = new Set<(f: RunFinished) => void>()
  let subscribed = false

  function subscribe(): void {
    if (subscribed) return
    subscribed = true
    lab().on('runProgress', (event) => {
      if (event.runId !== activeRunId.value) return
      progress.value = reduceProgress(progress.value, event)
    })
    lab().on('runFinished', (event) => {
      if (event.runId !== activeRunId.value) return
      finished.value = event
      activeRunId.value = null
      cancelling.value = false
      for (const listener of finishListeners) listener(event)
    })
  }

  async function start(profile: unknown): Promise<string | null> {
    if (running.value || starting.value) return null
    subscribe()
    starting.value = true
    error.value = null
    finished.value = null
    progress.value = null
    try {
      const { runId } = await lab().startRun({ profile, ...(parallelJobs.value ? { jobs: parallelJobs.value } : {}) })
      activeRunId.value = runId
      lastRunId.value = runId
      return runId
    } catch (e) {
      error.value = e instanceof LabError ? e : new LabError('failed', e instanceof Error ? e.message : String(e))
      return null
    } finally {
      starting.value = false
    }
  }

  async function cancel(): Promise<void> {
    const runId = activeRunId.value
    if (!runId || cancelling.value) return
    cancelling.value = true
    try {
      await lab().cancelRun({ runId })
    } catch (e) {
      cancelling.value = false
      error.value = e instanceof LabError ? e : new LabError('failed', e instanceof Error ? e.message : String(e))
    }
  }

  /** Give up on a run whose host went away: the Run view is usable again; History has the truth. */
  function forget(): void {
    activeRunId.value = null
    cancelling.value = false
  }

  function onFinished(listener: (f: RunFinished) => void): () => void {
    finishListeners.add(listener)
    return () => { finishListeners.delete(listener) }
  }

  return { forget, parallelJobs, activeRunId, lastRunId, progress, finished, error, starting, cancelling, running, start, cancel, onFinished, subscribe }
})
