// `*.drainlab.json` files: read with field-level messages (migrating older schemaVersions), write atomically.
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { parseProfileJson } from '../../src-shared/profile/load'
import type { Profile } from '../../src-shared/profile/schema'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { writeFileAtomic } from './atomic-write'

/** Files larger than this are not profiles; refusing them keeps a mistaken path from eating memory. */
const MAX_PROFILE_BYTES = 4 * 1024 * 1024
const READ_CHUNK_BYTES = 64 * 1024

/**
 * O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever, before any check can run.
 * It changes nothing for a regular file. (Windows has no such flag, nor FIFOs at a path.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

export async function readProfileFile(path: string): Promise<ProfileValidation> {
  const refuse = (message: string): ProfileValidation => ({ ok: false, issues: [{ path: '', message }] })
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (e) {
    return refuse(`cannot read ${path}: ${(e as Error).message}`)
  }
  let text: string
  try {
    // checked on the open file, not the path: what is read is what was checked
    const stats = await handle.stat()
    if (!stats.isFile()) return refuse(`${path} is ${kindOf(stats)}, not a regular file; a profile is a *.drainlab.json file`)
    const bytes = await readAtMost(handle, MAX_PROFILE_BYTES + 1)
    if (bytes.length > MAX_PROFILE_BYTES) return refuse(`${path} is over ${MAX_PROFILE_BYTES} bytes; a profile is at most 4 MiB`)
    text = bytes.toString('utf8')
  } catch (e) {
    return refuse(`cannot read ${path}: ${(e as Error).message}`)
  } finally {
    await handle.close()
  }
  return parseProfileJson(text)
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

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isDirectory()) return 'a directory'
  if (stats.isSocket()) return 'a socket'
  return 'not a file'
}

/** Validated before writing: a file Drain Lab saves always opens again. */
export async function writeProfileFile(path: string, input: unknown): Promise<ProfileValidation> {
  const checked = validateProfile(input)
  if (!checked.ok) return checked
  await writeFileAtomic(path, serializeProfile(checked.profile))
  return checked
}

export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`
}
