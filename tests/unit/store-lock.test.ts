// The data folder's lock file: exactly one holder, a lock left by a killed process is broken, a live
// holder is waited for and named when the wait gives up.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withStoreLock } from '../../src-main/store/store-lock'

function lockDir(): string {
  return mkdtempSync(join(tmpdir(), 'drainlab-lock-'))
}

/** the pid of a process that has exited: a lock it left is stale */
function deadPid(): number {
  const p = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(p.stdout)
}

describe('withStoreLock', () => {
  it('runs critical sections one at a time and leaves no lock file', async () => {
    const file = join(lockDir(), 'store.lock')
    let inside = 0
    let most = 0
    await Promise.all(Array.from({ length: 8 }, () => withStoreLock(file, async () => {
      inside++
      most = Math.max(most, inside)
      await new Promise((r) => setTimeout(r, 5))
      inside--
    })))
    expect(most).toBe(1)
    expect(existsSync(file)).toBe(false)
  })

  it('breaks a lock whose owner process on this host is gone', async () => {
    const dir = lockDir()
    const file = join(dir, 'store.lock')
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), nonce: 'dead' }))
    expect(await withStoreLock(file, async () => 'ran', { timeoutMs: 2000 })).toBe('ran')
    expect(readdirSync(dir)).toEqual([])
  })

  it('waits for a live holder and names it when giving up', async () => {
    const file = join(lockDir(), 'store.lock')
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'alive' }))
    await expect(withStoreLock(file, async () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/locked by another Drain Lab process .*"pid":\d+/)
    expect(existsSync(file)).toBe(true)
  })

  it('never breaks the lock of a live process of this host, however old', async () => {
    const file = join(lockDir(), 'store.lock')
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'alive-and-old' }))
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(file, old, old)
    await expect(withStoreLock(file, async () => 'ran', { timeoutMs: 300, staleAfterMs: 60_000 })).rejects.toThrow(/locked by another Drain Lab process/)
  })

  it('breaks a lock of another host older than staleAfterMs (a holder on a host that died)', async () => {
    const file = join(lockDir(), 'store.lock')
    writeFileSync(file, JSON.stringify({ pid: process.pid, host: 'another-host', nonce: 'old' }))
    const old = new Date(Date.now() - 120_000)
    utimesSync(file, old, old)
    expect(await withStoreLock(file, async () => 'ran', { timeoutMs: 2000, staleAfterMs: 60_000 })).toBe('ran')
  })

  it('a lock file still being written (unreadable, fresh) is waited for, not broken', async () => {
    const file = join(lockDir(), 'store.lock')
    writeFileSync(file, '')
    await expect(withStoreLock(file, async () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/locked/)
  })
})
