// The run in progress: starting it from the draft, the streamed progress, cancel, and what happened
// at the end. One run at a time, as the Run button suggests.
import { LabError, type RunFinished } from '@shared/api'
import type { ExperimentResults } from '@shared/results/types'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { lab } from '../api/lab-instance'
import { reduceProgress, type ProgressView } from './run-progress'

/** How often the Run view asks for the results of jobs finished so far. */
const PARTIAL_POLL_MS = 1500

export const useRunsStore = defineStore('runs', () => {
  const activeRunId = ref<string | null>(null)
  const lastRunId = ref<string | null>(null)
  const progress = ref<ProgressView | null>(null)
  const finished = ref<RunFinished | null>(null)
  const error = ref<LabError | null>(null)
  const starting = ref(false)
  const cancelling = ref(false)
  /** Results of the jobs finished so far, while the run goes on (large: kept out of deep reactivity). */
  const partial = shallowRef<ExperimentResults | null>(null)
  const running = computed(() => activeRunId.value !== null)
  const finishListeners = new Set<(f: RunFinished) => void>()
  let pollTimer: ReturnType<typeof setTimeout> | null = null
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
      stopPolling()
      for (const listener of finishListeners) listener(event)
    })
  }

  async function pollPartial(runId: string): Promise<void> {
    try {
      const results = await lab().getResults({ runId })
      if (activeRunId.value === runId) partial.value = results
    } catch {
      // the lab may only have results once a job finishes; the next poll asks again
    }
    if (activeRunId.value === runId) pollTimer = setTimeout(() => void pollPartial(runId), PARTIAL_POLL_MS)
  }

  function stopPolling(): void {
    if (pollTimer !== null) clearTimeout(pollTimer)
    pollTimer = null
  }

  async function start(profile: unknown): Promise<string | null> {
    if (running.value || starting.value) return null
    subscribe()
    starting.value = true
    error.value = null
    finished.value = null
    progress.value = null
    partial.value = null
    try {
      const { runId } = await lab().startRun({ profile })
      activeRunId.value = runId
      lastRunId.value = runId
      pollTimer = setTimeout(() => void pollPartial(runId), PARTIAL_POLL_MS)
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

  function onFinished(listener: (f: RunFinished) => void): () => void {
    finishListeners.add(listener)
    return () => { finishListeners.delete(listener) }
  }

  return { activeRunId, lastRunId, progress, finished, error, starting, cancelling, partial, running, start, cancel, onFinished, subscribe }
})
