// Which files a page may name in openProfile/saveProfile. The page is not trusted to pick any path: a
// compromised or hostile page could otherwise read or overwrite the user's files through the lab. Each
// host answers differently (the desktop app has dialogs, a browser tab has none), so the lab takes the
// policy as an option and asks it before every named read or write.
import { resolve } from 'node:path'
import { LabError } from '../../src-shared/api'
import { isInside as isWithin, realPathSoFar } from '../store/inside-folder'

export type PathAccess = 'read' | 'write'

/** What a policy may consult about the lab's own files. */
export interface LabFiles {
  dataDir: string
  experimentsDir: string
  trashDir: string
  /** whether path is in Open Recent */
  isRecent(path: string): Promise<boolean>
}

export interface PathPolicy {
  /** Resolves when the page may use path this way; rejects with a 'forbidden' LabError otherwise. */
  check(path: string, access: PathAccess, lab: LabFiles): Promise<void>
}

/** Whether path lies strictly inside dir once both are resolved with their symlinks (a link in the data folder to elsewhere is elsewhere). */
async function isInside(dir: string, path: string): Promise<boolean> {
  const [realDir, realPath] = await Promise.all([realPathSoFar(resolve(dir)), realPathSoFar(resolve(path))])
  return realPath !== realDir && isWithin(realDir, realPath)
}

/**
 * The browser host: files the user opened before (Open Recent) or inside the lab's own folder, and never
 * a write over what the lab keeps there (an experiment's profile is what "re-run exactly" runs).
 */
export const labFolderPolicy: PathPolicy = {
  async check(path, access, lab) {
    if (!(await isInside(lab.dataDir, path)) && !(await lab.isRecent(path))) {
      throw new LabError('forbidden', `${path} is neither a recent profile nor inside the Drain Lab data folder`)
    }
    if (access === 'write' && ((await isInside(lab.experimentsDir, path)) || (await isInside(lab.trashDir, path)))) {
      throw new LabError('forbidden', `${path} belongs to the lab's saved experiments; save the profile elsewhere`)
    }
  }
}

export interface GrantedPathPolicy extends PathPolicy {
  /** The user gave this path: chose it in a dialog, or the system asked the app to open it. */
  grant(path: string): void
}

/** The desktop app: paths the user gave the app (see grant) or that Open Recent lists. */
export function grantedPathPolicy(): GrantedPathPolicy {
  const granted = new Set<string>()
  return {
    grant(path) {
      granted.add(resolve(path))
    },
    async check(path, _access, lab) {
      if (granted.has(resolve(path)) || (await lab.isRecent(path))) return
      throw new LabError('forbidden', `${path} was not chosen in a dialog, opened from the system or listed in Open Recent`)
    }
  }
}
