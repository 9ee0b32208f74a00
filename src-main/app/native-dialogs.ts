// In the desktop app, openProfile/saveProfile without a path ask the user with a native dialog.
// The lab itself stays free of Electron: this wrapper picks the path, then calls the lab with it.
// Every path chosen here is granted: the lab's path policy (lab/path-policy.ts, grantedPathPolicy)
// lets the page name it again, as it does a file opened from the system or one in Open Recent.
import type { LabClient } from '../../src-shared/api'
import { labCallOf, labClientOf } from '../../src-shared/lab-client'
import { PROFILE_EXTENSION } from '../../src-shared/profile/file-extension'

export const PROFILE_FILE_FILTERS = [
  // dialog filters name extensions without their leading dot
  { name: 'Drain Lab profile', extensions: [PROFILE_EXTENSION.slice(1)] },
  { name: 'JSON', extensions: ['json'] }
]

/** Save dialogs do not add a double extension on every platform; the lab only saves *.drainlab.json. */
export function withProfileSuffix(path: string): string {
  if (path.toLowerCase().endsWith(PROFILE_EXTENSION)) return path
  return `${path.replace(/\.json$/i, '')}${PROFILE_EXTENSION}`
}

export interface ProfileDialogs {
  /** The chosen file, or null when the user cancelled. */
  chooseProfileToOpen(): Promise<string | null>
  chooseProfileSavePath(): Promise<string | null>
}

/** `grantPath` tells the lab's path policy the user chose this path in a dialog. */
export function withNativeDialogs(lab: LabClient, dialogs: ProfileDialogs, onProfileFileChanged: () => void, grantPath: (path: string) => void): LabClient {
  const chooseSavePath = async () => {
    const chosen = await dialogs.chooseProfileSavePath()
    return chosen === null ? null : withProfileSuffix(chosen)
  }
  const pathToOpen = async (named: string | undefined) => {
    if (named !== undefined) return named
    const chosen = await dialogs.chooseProfileToOpen()
    if (chosen !== null) grantPath(chosen)
    return chosen
  }
  const pathToSave = async (named: string | undefined) => {
    if (named !== undefined) return named
    const chosen = await chooseSavePath()
    if (chosen !== null) grantPath(chosen)
    return chosen
  }
  // every other method forwarded with the lab as `this` (a class instance keeps its methods on the prototype)
  return {
    ...labClientOf(labCallOf(lab), (event, listener) => lab.on(event, listener)),
    async openProfile(req) {
      const path = await pathToOpen(req.path)
      if (path === null) return null
      const opened = await lab.openProfile({ path })
      onProfileFileChanged()
      return opened
    },
    async saveProfile(req) {
      const path = await pathToSave(req.path)
      if (path === null) return null
      const saved = await lab.saveProfile({ path, profile: req.profile })
      onProfileFileChanged()
      return saved
    }
  }
}
