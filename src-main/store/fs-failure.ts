// File-system errors as a user can act on them: what Drain Lab was doing, on which path, and why it failed
// in words ("the disk is full"), keeping the errno code for scripts. Node's own messages ("ENOSPC: no
// space left on device, write") name neither the file nor what was being saved.

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'it does not exist',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  EMFILE: 'too many files are open',
  EIO: 'an input/output error (a failing disk or a lost network mount)'
}

export class FsFailure extends Error {
  constructor(readonly action: string, readonly path: string, readonly code: string | undefined, cause: unknown) {
    const reason = code !== undefined && code in REASONS ? REASONS[code] : cause instanceof Error ? cause.message : String(cause)
    super(`cannot ${action} ${path}: ${reason}${code !== undefined ? ` (${code})` : ''}`, { cause })
    this.name = 'FsFailure'
  }
}

/** Runs `io`; a failure is rethrown as an FsFailure saying `action` and `path`. */
export async function describedIo<T>(action: string, path: string, io: () => Promise<T>): Promise<T> {
  try {
    return await io()
  } catch (e) {
    if (e instanceof FsFailure) throw e
    throw new FsFailure(action, path, (e as NodeJS.ErrnoException).code, e)
  }
}
