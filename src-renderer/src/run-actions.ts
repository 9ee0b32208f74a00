// Starting a run, shared by the Run button, Ctrl+Enter, the menu and History's re-run: an invalid
// profile is never sent. What happens when it ends is the run-finish store's.
import { useMessage } from 'naive-ui'
import { useProfileStore } from './stores/profile'
import { useRunsStore } from './stores/runs'
import { useUiStore } from './stores/ui'

export function useRunActions() {
  const profile = useProfileStore()
  const runs = useRunsStore()
  const ui = useUiStore()
  const message = useMessage()

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
    // an edited preset runs under a name that says so (stores/profile.ts runName)
    await runProfile(profile.runSnapshot())
  }

  return { run, runProfile, cancel: () => runs.cancel() }
}
