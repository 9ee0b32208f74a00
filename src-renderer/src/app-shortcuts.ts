// Keyboard shortcuts of the shell (ux.md "Feel"): run, cancel, save, open, and Ctrl+1..6 for views.
// Ctrl and Cmd both work, so the same keys serve Linux, Windows and macOS users.
import { VIEWS, type View } from './stores/ui'

export interface ShortcutActions {
  run(): void
  cancel(): void
  save(): void
  saveAs(): void
  open(): void
  show(view: View): void
}

/** Returns true when the key was a shortcut (and so handled). */
export function handleShortcut(e: KeyboardEvent, actions: ShortcutActions): boolean {
  const mod = e.ctrlKey || e.metaKey
  if (e.key === 'Escape' && !mod) {
    actions.cancel()
    return false // Esc also closes dialogs and menus: let it through
  }
  if (!mod || e.altKey) return false
  if (e.key === 'Enter') actions.run()
  else if (e.key.toLowerCase() === 's' && e.shiftKey) actions.saveAs()
  else if (e.key.toLowerCase() === 's') actions.save()
  else if (e.key.toLowerCase() === 'o') actions.open()
  else if (/^[1-6]$/.test(e.key)) actions.show(VIEWS[Number(e.key) - 1])
  else return false
  e.preventDefault()
  return true
}
