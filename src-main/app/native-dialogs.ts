// In the desktop app, openProfile/saveProfile without a path ask the user with a native dialog.
// The lab itself stays free of Electron: this wrapper picks the path, then calls the lab with it.
import { LAB_METHODS, type LabClient } from '../../src-shared/api'
import { PROFILE_SUFFIX } from './launch-args'

export const PROFILE_FILE_FILTERS = [
  { name: 'Drain Lab profile', extensions: ['drainlab.json'] },
  { name: 'JSON', extensions: ['json'] }
]

/** Save dialogs do not add a double extension on every platform; the lab only saves *.drainlab.json. */
export function withProfileSuffix(path: string): string {
  if (path.toLowerCase().endsWith(PROFILE_SUFFIX)) return path
  return `${path.replace(/\.json$/i, '')}${PROFILE_SUFFIX}`
}

export interface ProfileDialogs {
  /** The chosen file, or null when the user cancelled. */
  chooseProfileToOpen(): Promise<string | null>
  chooseProfileSavePath(): Promise<string | null>
}

export function withNativeDialogs(lab: LabClient, dialogs: ProfileDialogs, onProfileFileChanged: () => void): LabClient {
  // Forward method by method: the lab may be a class instance whose methods live on its prototype.
  const chooseSavePath = async () => {
    const chosen = await dialogs.chooseProfileSavePath()
    return chosen === null ? null : withProfileSuffix(chosen)
  }
  const forwarded = Object.fromEntries(LAB_METHODS.map((method) => [method, (req: unknown) => (lab[method] as (r: unknown) => Promise<unknown>).call(lab, req)]))
  return {
    ...(forwarded as unknown as LabClient),
    on: (event, listener) => lab.on(event, listener),
    async openProfile(req) {
      const path = req.path ?? (await dialogs.chooseProfileToOpen())
      if (path === null) return null
      const opened = await lab.openProfile({ path })
      onProfileFileChanged()
      return opened
    },
    async saveProfile(req) {
      const path = req.path ?? (await chooseSavePath())
      if (path === null) return null
      const saved = await lab.saveProfile({ path, profile: req.profile })
      onProfileFileChanged()
      return saved
    }
  }
}
