// `drainlab serve` as a user runs it: the real binary, the real lab, a real socket, a real signal.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WS_PATH } from '../../src-shared/transport'

const repoRoot = resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/**
 * Starts the CLI and resolves with its URL once it has printed its whole banner, the "also at" lines included:
 * they are written one by one, and a read after the URL's line alone found none of them (a fresh-clone CI run).
 * Rejects with what it printed if it exits first.
 */
function serve(args: string[]) {
  const child = spawn(process.execPath, ['bin/drainlab.mjs', 'serve', '--port', '0', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', () => {
      const match = /serving at (\S+)/.exec(stdout)
      if (match && stdout.includes('Press Ctrl+C to stop.')) resolveUrl(match[1])
    })
    void exited.then((code) => reject(new Error(`exited ${code} before printing a URL:\n${stdout}\n${stderr}`)))
  })
  return { child, url, exited, output: () => stdout, errors: () => stderr }
}

function hostInfoOver(url: string): Promise<unknown> {
  const page = new URL(url)
  const ws = new WebSocket(`ws://${page.host}${WS_PATH}${page.search}`, { origin: page.origin })
  return new Promise((done, fail) => {
    ws.once('error', fail)
    ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'hostInfo', payload: {} })))
    ws.once('message', (data) => {
      ws.close()
      done(JSON.parse(String(data)))
    })
  })
}

describe('drainlab serve', () => {
  it('prints its URL, serves hostInfo from the real lab and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-serve-'))
    const run = serve(['--data-dir', dataDir])
    const url = await run.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await hostInfoOver(url)).toMatchObject({ type: 'reply', id: 1, ok: true, value: { host: 'browser', nativeDialogs: false } })
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(run.output()).toContain('Stopped.')
  })

  it('generates and prints a token for a non-loopback address', async () => {
    const run = serve(['--host', '0.0.0.0', '--data-dir', mkdtempSync(join(tmpdir(), 'drainlab-serve-'))])
    const url = await run.url
    expect(url).toMatch(/\?token=[0-9a-f]{32}$/)
    expect(run.output()).toContain('token was generated')
    // the machine's own addresses beside its name (which another machine may not resolve), each URL a working one
    const token = new URL(url).search
    const own = Object.values(networkInterfaces()).flat().filter((a) => a !== undefined && !a.internal && a.family === 'IPv4').map((a) => a!.address)
    const also = [...run.output().matchAll(/^ {2}also at (\S+)$/gm)].map((m) => m[1])
    expect(also).toEqual(own.map((address) => `http://${address}:${new URL(url).port}/${token}`))
    for (const other of also) expect(await hostInfoOver(other)).toMatchObject({ type: 'reply', id: 1, ok: true })
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
  })

  it('refuses an invalid port with exit code 2', async () => {
    const run = serve(['--port', 'seventy'])
    await expect(run.url).rejects.toThrow(/exited 2/)
    expect(run.errors()).toMatch(/--port must be an integer/)
  })
})
