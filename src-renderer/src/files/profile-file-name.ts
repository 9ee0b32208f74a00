// `<name>.drainlab.json`, the profile file convention, from whatever the user called the experiment.
export const PROFILE_SUFFIX = '.drainlab.json'

export function profileFileName(name: string): string {
  const safe = name.trim().replace(/[^A-Za-z0-9._ -]+/g, '').replace(/\s+/g, '-').replace(/^[.-]+/, '')
  return `${safe === '' ? 'experiment' : safe.slice(0, 80)}${PROFILE_SUFFIX}`
}

/** The name shown for a saved path: the file name without folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
