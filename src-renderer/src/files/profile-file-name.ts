// `<name>.drainlab.json`, the profile file convention, from whatever the user called the experiment.
import { PROFILE_EXTENSION } from '@shared/profile/file-extension'

export function profileFileName(name: string): string {
  const safe = name.trim().replace(/[^A-Za-z0-9._ -]+/g, '').replace(/\s+/g, '-').replace(/^[.-]+/, '')
  return `${safe === '' ? 'experiment' : safe.slice(0, 80)}${PROFILE_EXTENSION}`
}

/** The name shown for a saved path: the file name without folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
