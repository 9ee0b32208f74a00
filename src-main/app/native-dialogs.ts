// In the desktop app, openProfile/saveProfile without a path ask the user with a native dialog.
// The lab itself stays free of Electron: this wrapper picks the path, then calls the lab with it.
// A path the page names itself must be one the user gave us (a dialog, a file opened from the system)
// or one in Open Recent: a compromised page cannot read or overwrite other files through these calls.
import { resolve } from 'node:path'
import { LabError, type LabClient } from '../../src-shared/api'
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

/**
 * `grantedPaths` (absolute paths) starts with the profiles the system asked us to open (argv, a second
 * instance, macOS open-file) and gains every path the user picks in a dialog here.
 */
export function withNativeDialogs(lab: LabClient, dialogs: ProfileDialogs, onProfileFileChanged: () => void, granted = new Set<string>()): LabClient {
  const grantPath = (path: string) => {
    granted.add(resolve(path))
  }
  const checkNamedPath = async (path: string): Promise<void> => {
    if (granted.has(resolve(path))) return
    const recent = await lab.listRecentProfiles({})
    if (recent.some((p) => resolve(p) === resolve(path))) return
    throw new LabError('forbidden', `${path} was not chosen in a dialog, opened from the system or listed in Open Recent`)
  }
  const chooseSavePath = async () => {
    const chosen = await dialogs.chooseProfileSavePath()
    return chosen === null ? null : withProfileSuffix(chosen)
  }
  const pathToOpen = async (named: string | undefined) => {
    if (named !== undefined) {
      await checkNamedPath(named)
      return named
    }
    const chosen = await dialogs.chooseProfileToOpen()
    if (chosen !== null) grantPath(chosen)
    return chosen
  }
  const pathToSave = async (named: string | undefined) => {
    if (named !== undefined) {
      await checkNamedPath(named)
      return named
    }
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
