// The shape the Electron preload exposes as `window.lab`: each LabApi method by name, event
// subscription, and the application menu's commands (the menu lives in the main process).
import type { LabClient } from '@shared/api'

export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as', 'export', 'run', 'cancel', 'theme', 'about'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface ElectronLabBridge extends LabClient {
  onCommand(listener: (command: MenuCommand) => void): () => void
}

declare global {
  interface Window {
    lab?: ElectronLabBridge
  }
}
