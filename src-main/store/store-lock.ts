// A lock file that serialises the data folder's read-modify-write steps (the history index, moving an
// experiment to or from the trash) across processes: the desktop app, `drainlab serve` and any number of
// `drainlab run` CLIs may share one data folder. Created with O_EXCL, so exactly one process holds it;
// the owner's pid and host are written into it so that a lock left by a killed process can be recognised
// and broken instead of blocking the folder for ever.
import { randomBytes } from 'node:crypto'
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'
import { parseJsonWith } from './json-with-schema'
import { processAlive } from './process-alive'

interface LockOwner {
  pid: number
  host: string
  nonce: string
}

export interface StoreLockOptions {
  /** how long to wait for another holder before giving up with an error naming it */
  timeoutMs?: number
  /**
   * A lock older than this is stale whoever holds it. The store holds it for milliseconds (one index
   * write, one rename), so a minute means its holder is hung or on another host that died.
   */
  staleAfterMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_STALE_AFTER_MS = 60_000
/** a lock file younger than this may still be being written by its creator: unreadable is not stale yet */
const WRITE_GRACE_MS = 2_000

const lockOwnerSchema = z.object({ pid: z.number().int(), host: z.string(), nonce: z.string() }) satisfies z.ZodType<LockOwner>

function parseOwner(text: string): LockOwner | null {
  return parseJsonWith(lockOwnerSchema, text)
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  let handle
  try {
    handle = await open(lockFile, 'wx', 0o644)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
  try {
    await handle.writeFile(JSON.stringify(owner))
  } catch (e) {
    // a lock that names nobody (a full disk takes the file but not its text) must not block the folder
    await handle.close()
    await unlink(lockFile).catch(() => undefined)
    throw e
  }
  await handle.close()
  return true
}

/** The lock file's text when the lock it holds is stale, null when it is held (or already gone). */
async function staleText(lockFile: string, staleAfterMs: number): Promise<string | null> {
  let text: string
  let ageMs: number
  try {
    ;[text, ageMs] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile).then((s) => Date.now() - s.mtimeMs)])
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw e
  }
  if (ageMs > staleAfterMs) return text
  const owner = parseOwner(text)
  if (owner === null) return ageMs > WRITE_GRACE_MS ? text : null
  return owner.host === hostname() && !processAlive(owner.pid) ? text : null
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the file is first moved
 * aside (atomic), and if what was moved is not the stale lock that was judged, it is linked back (link
 * fails if yet another holder has created the name since, and then that holder keeps it).
 */
async function breakLock(lockFile: string, judged: string): Promise<void> {
  const aside = `${lockFile}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(lockFile, aside)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    throw e
  }
  const moved = await readFile(aside, 'utf8')
  if (moved !== judged) await link(aside, lockFile).catch(() => undefined)
  await unlink(aside)
}

/** Runs `work` while holding `lockFile`; waits (with back-off) for another holder, breaks a stale lock. */
export async function withStoreLock<T>(lockFile: string, work: () => Promise<T>, options: StoreLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS
  const owner: LockOwner = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex') }
  const giveUpAt = Date.now() + timeoutMs
  let waitMs = 2
  while (!(await tryCreate(lockFile, owner))) {
    const stale = await staleText(lockFile, staleAfterMs)
    if (stale !== null) {
      await breakLock(lockFile, stale)
      continue
    }
    if (Date.now() > giveUpAt) {
      const holder = await readFile(lockFile, 'utf8').catch(() => 'unknown')
      throw new Error(`the data folder is locked by another Drain Lab process (${lockFile}: ${holder}); waited ${timeoutMs} ms`)
    }
    await sleep(waitMs + Math.random() * waitMs)
    waitMs = Math.min(waitMs * 2, 50)
  }
  try {
    return await work()
  } finally {
    // only our own lock: if it was broken as stale meanwhile (we hung past staleAfterMs), the name is another's
    const current = parseOwner(await readFile(lockFile, 'utf8').catch(() => ''))
    if (current?.nonce === owner.nonce) await unlink(lockFile).catch(() => undefined)
  }
}
