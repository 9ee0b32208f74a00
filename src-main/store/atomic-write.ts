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

/**
 * Text is encoded into one buffer of this size and written from it. Encoding a whole string at once took 84–110 ms
 * for a heavy run's 9.4 MB results.json on the 2-vCPU VM of BENCHMARKS.md, against 18–19 ms through a 256 KiB
 * buffer (its entries of 2026-11-30): the whole string's UTF-8 copy is fresh memory, whose every page costs
 * ~16 µs on first touch there; and small pieces share a write instead of taking one each.
 */
const CHUNK_BYTES = 256 * 1024
/** the buffer is written out when less than this is left: a chunk then takes at least 1365 UTF-16 units */
const MIN_ROOM = 4096

/** Writes bytes 0..bytes-1 of `buffer` whole: a write may take less than all of it (a signal, a disk filling up). */
async function writeAll(handle: FileHandle, buffer: Buffer, bytes: number): Promise<void> {
  for (let done = 0; done < bytes; ) done += (await handle.write(buffer, done, bytes - done)).bytesWritten
}

/** Writes the pieces' concatenation as UTF-8, through one buffer, never splitting a surrogate pair between chunks. */
async function writeText(handle: FileHandle, pieces: readonly string[]): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
  let used = 0
  for (const text of pieces) {
    for (let at = 0; at < text.length; ) {
      if (CHUNK_BYTES - used < MIN_ROOM) {
        await writeAll(handle, buffer, used)
        used = 0
      }
      // a UTF-16 unit encodes to at most 3 bytes (a surrogate pair, two units, to 4): the chunk always fits
      let end = Math.min(text.length, at + Math.floor((CHUNK_BYTES - used) / 3))
      const last = text.charCodeAt(end - 1)
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
      used += buffer.write(text.slice(at, end), used, 'utf8')
      at = end
    }
  }
  await writeAll(handle, buffer, used)
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
    if (data instanceof Uint8Array) await handle.writeFile(data)
    else await writeText(handle, typeof data === 'string' ? [data] : data)
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
