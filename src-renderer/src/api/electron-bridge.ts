// The shape the Electron preload exposes as `window.lab`: each LabApi method by name, event
// subscription, and the application menu's commands (the menu lives in the main process).
// A failed method rejects with a plain SerializedLabError (see src-main/preload/lab-bridge.ts);
// electron-connection.ts rebuilds the LabError.
import type { LabClient } from '@shared/api'
import type { AppCommand } from '@shared/app-commands'

export interface ElectronLabBridge extends LabClient {
  /** `argument` is the profile path for 'open-recent' (the Open Recent menu, or a file the app was opened with) */
  onCommand(listener: (command: AppCommand, argument?: string) => void): () => void
}

declare global {
  interface Window {
    lab?: ElectronLabBridge
  }
}
