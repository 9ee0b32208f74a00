// Paths built from outside input (a run id from a LabApi call) must land inside the folder they were built
// for, also after symlinks are followed: a link planted in the data folder must not carry a rename or a
// write to somewhere else.
import { realpath } from 'node:fs/promises'
import { basename, dirname, join, relative, isAbsolute, sep } from 'node:path'

export class OutsideFolderError extends Error {
  constructor(readonly path: string, readonly folder: string, resolved: string) {
    super(`${path} resolves to ${resolved}, outside ${folder}`)
    this.name = 'OutsideFolderError'
  }
}

/** The real path of `path`, or of its nearest existing ancestor joined with the parts that do not exist yet. */
export async function realPathSoFar(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw e
    return join(await realPathSoFar(dirname(path)), basename(path))
  }
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/**
 * `folder/name` when its real path is inside the real path of `folder` (which must exist); otherwise an
 * OutsideFolderError. `name` is a single path component the caller has already checked.
 */
export async function childInside(folder: string, name: string): Promise<string> {
  const path = join(folder, name)
  const [realFolder, realChild] = await Promise.all([realpath(folder), realPathSoFar(path)])
  if (realChild === realFolder || !isInside(realFolder, realChild)) throw new OutsideFolderError(path, folder, realChild)
  return path
}
