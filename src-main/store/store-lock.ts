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
   * A lock of another host (or one that names nobody) older than this is stale: the store holds it for
   * an index write, a rename or an export's files, so a minute means its holder died there. A lock of a
   * live process of this host is never broken, however old.
   */
  staleAfterMs?: number
}

/** longer than DEFAULT_STALE_AFTER_MS, so that a waiter outlives a dead remote holder's lock and breaks it */
const DEFAULT_TIMEOUT_MS = 90_000
const DEFAULT_STALE_AFTER_MS = 60_000

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
  const owner = parseOwner(text)
  // a lock names its owner right after it is created; one that names nobody for a minute was left by a
  // writer that died in between (or a disk that filled)
  if (owner === null) return ageMs > staleAfterMs ? text : null
  if (owner.host === hostname()) return processAlive(owner.pid) ? null : text
  return ageMs > staleAfterMs ? text : null
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
