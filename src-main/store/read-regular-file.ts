// Reading a file the lab keeps or is given, without hanging on what is not a file. A FIFO planted where a
// profile, results.json or history.json should be would block a plain readFile for ever (and with it
// every later call of that store); a device could feed it without end. The file is opened O_NONBLOCK
// (opening a FIFO for reading otherwise waits for a writer before any check can run; it changes nothing
// for a regular file; Windows has neither the flag nor FIFOs at a path), checked with fstat on the open
// handle (what is read is what was checked), and read up to a limit.
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
const READ_CHUNK_BYTES = 64 * 1024

export function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isDirectory()) return 'a directory'
  if (stats.isSocket()) return 'a socket'
  return 'not a file'
}

/** What is at a path is not a regular file (EISDIR for a folder, EFTYPE for anything else), or is too big (EFBIG). */
export class NotARegularFileError extends Error {
  constructor(message: string, readonly code: 'EISDIR' | 'EFTYPE' | 'EFBIG') {
    super(`${message} (${code})`)
    this.name = 'NotARegularFileError'
  }
}

/** Up to `limit` bytes, in chunks: the size fstat gave may be stale (a file still growing), so the read itself stops. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let length = 0
  while (length < limit) {
    const chunk = Buffer.alloc(Math.min(READ_CHUNK_BYTES, limit - length))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, length)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    length += bytesRead
  }
  return Buffer.concat(chunks, length)
}

/**
 * The file's text (UTF-8). Errors of open (ENOENT, EACCES, …) are thrown as they are, so callers keep
 * telling a missing file from others; anything but a regular file, or over `maxBytes`, is a NotARegularFileError.
 */
export async function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<string> {
  const handle = await open(path, OPEN_FLAGS)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new NotARegularFileError(`${path} is ${kindOf(stats)}, not a regular file`, stats.isDirectory() ? 'EISDIR' : 'EFTYPE')
    const bytes = await readAtMost(handle, Math.min(maxBytes + 1, Number.MAX_SAFE_INTEGER))
    if (bytes.length > maxBytes) throw new NotARegularFileError(`${path} is over ${maxBytes} bytes`, 'EFBIG')
    return bytes.toString('utf8')
  } finally {
    await handle.close()
  }
}
