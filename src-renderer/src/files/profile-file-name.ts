// `<name>.drainlab.json`, the profile file convention, from whatever the user called the experiment.
import { PROFILE_EXTENSION } from '@shared/profile/file-extension'
import { bundleStem } from '@shared/scale-out/cluster-bundle'

export function profileFileName(name: string): string {
  return `${bundleStem(name)}${PROFILE_EXTENSION}`
}

/** The name shown for a saved path: the file name without folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
