// Atomic file replacement: a crash or kill mid-write leaves either the old file or the new one, never a
// torn mix. Write a temporary file in the same directory (rename is atomic only within a file system),
// fsync it so the data is on disk before the name points at it, rename over the target, fsync the directory
// so the rename itself survives a power cut.
import { randomBytes } from 'node:crypto'
import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { makeFolder } from './make-folder'

async function fsyncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    const code = (e as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e
  } finally {
    await handle?.close()
  }
}

/** Writes a string whole: a write may take less than all of it (a signal, a disk filling up), writeFile the rest. */
async function writePiece(handle: FileHandle, piece: string): Promise<void> {
  const { bytesWritten } = await handle.write(piece)
  if (bytesWritten < Buffer.byteLength(piece)) await handle.writeFile(Buffer.from(piece).subarray(bytesWritten))
}

/** `.results.json.<pid>.<12 hex>.tmp`: the name a writer gives its temporary file (recovery finds leftovers by it) */
export const TEMP_FILE_PATTERN = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** `data`: the contents, or its pieces in order (a results document: store/json-pieces.ts). */
export async function writeFileAtomic(target: string, data: string | Uint8Array | readonly string[]): Promise<void> {
  const dir = dirname(target)
  await makeFolder(dir)
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data)
    else for (const piece of data) await writePiece(handle, piece)
    await handle.sync()
  } catch (e) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw e
  }
  await handle.close()
  try {
    await rename(temp, target)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
  await fsyncDirectory(dir)
}

export async function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`)
}
