// The run in progress: starting it from the draft, the streamed progress, cancel, and what happened
// at the end. One run at a time, as the Run button suggests.
import { LabError, type RunFinished } from '@shared/api'
import { experimentStatus } from '@shared/results/experiment-status'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { lab, labConnection } from '../api/lab-instance'
import { reduceProgress, type ProgressView } from './run-progress'
import { storeError, type StoreError } from './store-error'

/** Which request the store's error came from, so the Run view can title it. */
export type RunErrorSource = 'start' | 'cancel' | 'follow'

export const useRunsStore = defineStore('runs', () => {
  const activeRunId = ref<string | null>(null)
  const lastRunId = ref<string | null>(null)
  const progress = ref<ProgressView | null>(null)
  const finished = ref<RunFinished | null>(null)
  const error = ref<StoreError | null>(null)
  const errorSource = ref<RunErrorSource>('start')
  const starting = ref(false)
  const cancelling = ref(false)
  const running = computed(() => activeRunId.value !== null)
  /** Jobs run in parallel (LabApi startRun `jobs`); null lets the lab size its worker pool. */
  const parallelJobs = ref<number | null>(null)
  const finishListeners = new Set<(f: RunFinished) => void>()
  let subscribed = false

  function fail(source: RunErrorSource, reason: unknown): void {
    errorSource.value = source
    error.value = storeError(reason)
  }

  function finish(event: RunFinished): void {
    finished.value = event
    activeRunId.value = null
    cancelling.value = false
    for (const listener of finishListeners) listener(event)
  }

  /**
   * Ask the lab where the active run stands and settle the store on its answer. Pushed events are not
   * replayed: a runFinished sent while the browser host's socket was down, or just before a cancel
   * arrived too late, would otherwise leave the run "running" for good.
   */
  async function settle(): Promise<void> {
    const runId = activeRunId.value
    if (runId === null) return
    try {
      const document = await lab().getResults({ runId })
      if (runId !== activeRunId.value) return
      // still going: its progress events carry on, and a refused cancel may be tried again
      if (document.inProgress) cancelling.value = false
      else finish({ runId, status: experimentStatus(document.jobs) })
    } catch (e) {
      if (runId !== activeRunId.value) return
      // a lab that does not know the run lost it (its host restarted); any other failure is retried on the next reconnect
      if (storeError(e).code === 'not-found') {
        forget()
        fail('follow', new LabError('not-found', `The lab no longer knows run ${runId}: its host was restarted, which ends the runs it had. History lists whatever was saved.`))
      } else {
        cancelling.value = false
      }
    }
  }

  function subscribe(): void {
    if (subscribed) return
    subscribed = true
    lab().on('runProgress', (event) => {
      if (event.runId !== activeRunId.value) return
      progress.value = reduceProgress(progress.value, event)
    })
    lab().on('runFinished', (event) => {
      if (event.runId !== activeRunId.value) return
      finish(event)
    })
    labConnection().onStateChange((state) => {
      if (state === 'open') void settle()
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
      fail('start', e)
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
      const { cancelled } = await lab().cancelRun({ runId })
      // the lab had no such run going: it ended (its runFinished may be lost) or the lab forgot it
      if (!cancelled) await settle()
    } catch (e) {
      cancelling.value = false
      fail('cancel', e)
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

  return { forget, parallelJobs, activeRunId, lastRunId, progress, finished, error, errorSource, starting, cancelling, running, start, cancel, onFinished, subscribe }
})
