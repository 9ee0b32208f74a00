// Starting and finishing a run, shared by the Run button, Ctrl+Enter, the menu and History's re-run:
// an invalid profile is never sent, and a finished run's results and history entry are fetched.
import { useMessage } from 'naive-ui'
import { useHistoryStore } from './stores/history'
import { useProfileStore } from './stores/profile'
import { useResultsStore } from './stores/results'
import { useRunsStore } from './stores/runs'
import { useUiStore } from './stores/ui'

/** Runs stores whose finish is already followed (one per Pinia instance: the app has one, tests several). */
const hooked = new WeakSet<object>()

export function useRunActions() {
  const profile = useProfileStore()
  const runs = useRunsStore()
  const results = useResultsStore()
  const history = useHistoryStore()
  const ui = useUiStore()
  const message = useMessage()

  if (!hooked.has(runs)) {
    hooked.add(runs)
    runs.subscribe()
    runs.onFinished(async (finished) => {
      void history.refresh()
      if (finished.status === 'failed') return
      if (await results.load(finished.runId)) {
        const partial = finished.status !== 'completed' ? ' (partial: the numbers cover the simulated time before the stop)' : ''
        message.success(`Run ${finished.status}${partial}. Results are ready.`, { duration: 5000 })
      }
    })
  }

  async function runProfile(profileJson: unknown): Promise<void> {
    ui.show('run')
    await runs.start(profileJson)
  }

  async function run(): Promise<void> {
    if (runs.running) {
      ui.show('run')
      return
    }
    if (!profile.valid) {
      message.error(`The profile has ${profile.issues.length} problem(s), marked in red on the Design view. Fix them to run.`)
      ui.show('design')
      return
    }
    await runProfile(profile.snapshot())
  }

  return { run, runProfile, cancel: () => runs.cancel() }
}
