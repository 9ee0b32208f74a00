// The browser host against a real socket: Node's http client and the ws client play the browser.
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { LabError, type LabClient, type LabEvent, type LabEvents } from '../../src-shared/api'
import { labClientOf } from '../../src-shared/lab-client'
import { MAX_CLIENT_FRAME_BYTES, WS_PATH, type ServerFrame } from '../../src-shared/transport'
import { startBrowserHost, type BrowserHost } from '../../src-main/serve/browser-host'

/** Test double for the lab (the real one runs the engine): answers hostInfo, lets tests push events. */
function fakeLab() {
  const listeners = new Map<LabEvent, Set<(payload: never) => void>>()
  const on: LabClient['on'] = (event, listener) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener as (payload: never) => void)
    return () => { set.delete(listener as (payload: never) => void) }
  }
  const lab = labClientOf(async (method) => {
    throw new LabError('not-available', `${method} is not part of this test double`)
  }, on)
  lab.hostInfo = async () => ({ host: 'browser', appVersion: 'test', engineVersion: 'test-engine', nativeDialogs: false })
  const emit = <E extends LabEvent>(event: E, payload: LabEvents[E]) => {
    for (const l of listeners.get(event) ?? []) (l as (p: LabEvents[E]) => void)(payload)
  }
  const listenerCount = () => [...listeners.values()].reduce((n, s) => n + s.size, 0)
  return { lab, emit, listenerCount }
}

function rendererFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'drainlab-renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Drain Lab</title>')
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}')
  return root
}

const hosts: BrowserHost[] = []
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close()
})

async function start(options: { host?: string; token?: string; root?: string } = {}) {
  const fake = fakeLab()
  const host = await startBrowserHost({
    host: options.host ?? '127.0.0.1', port: 0, token: options.token, rendererRoot: options.root ?? rendererFixture(), lab: fake.lab
  })
  hosts.push(host)
  return { host, ...fake }
}

/** A raw GET (no client-side path normalisation, unlike fetch) so traversal attempts reach the server. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket; resolves with the socket or with the HTTP status of the refused upgrade. */
function connect(port: number, options: { origin?: string | null; query?: string } = {}) {
  const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}${options.query ?? ''}`, origin === null ? {} : { origin })
  return new Promise<{ ws: WebSocket } | { refused: number }>((resolve) => {
    ws.once('open', () => resolve({ ws }))
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }))
    ws.once('error', () => resolve({ refused: -1 }))
  })
}

async function open(port: number, options: { origin?: string; query?: string } = {}): Promise<WebSocket> {
  const result = await connect(port, options)
  if ('refused' in result) throw new Error(`connection refused with ${result.refused}`)
  return result.ws
}

function nextFrame(ws: WebSocket): Promise<ServerFrame> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as ServerFrame)))
}

async function exchange(ws: WebSocket, text: string | Buffer): Promise<ServerFrame> {
  const reply = nextFrame(ws)
  ws.send(text)
  return reply
}

const hostInfoCall = (id: number) => JSON.stringify({ type: 'call', id, method: 'hostInfo', payload: {} })

describe('browser host: WebSocket access', () => {
  it('refuses a WebSocket from a foreign Origin, or with none', async () => {
    const { host } = await start()
    expect(await connect(host.port, { origin: 'http://evil.example' })).toEqual({ refused: 403 })
    expect(await connect(host.port, { origin: `http://127.0.0.1:${host.port + 1}` })).toEqual({ refused: 403 })
    expect(await connect(host.port, { origin: null })).toEqual({ refused: 403 })
  })

  it('refuses a WebSocket on another path', async () => {
    const { host } = await start()
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/elsewhere`, { origin: `http://127.0.0.1:${host.port}` })
    const status = await new Promise((resolve) => ws.once('unexpected-response', (_q, res) => resolve(res.statusCode)))
    expect(status).toBe(404)
  })

  it('refuses a non-loopback bind without a token', async () => {
    await expect(startBrowserHost({ host: '0.0.0.0', port: 0, rendererRoot: rendererFixture(), lab: fakeLab().lab }))
      .rejects.toThrow(/without a token/)
  })

  it('binds a non-loopback address with a token and prints it in the URL', async () => {
    const { host } = await start({ host: '0.0.0.0', token: 'f'.repeat(32) })
    expect(host.url).toMatch(new RegExp(`^http://.+:${host.port}/\\?token=f{32}$`))
  })

  it('requires the token when one is set', async () => {
    const token = '0123456789abcdef0123456789abcdef'
    const { host } = await start({ token })
    expect(await connect(host.port)).toEqual({ refused: 403 })
    expect(await connect(host.port, { query: '?token=wrong' })).toEqual({ refused: 403 })
    const ws = await open(host.port, { query: `?token=${token}` })
    expect(await exchange(ws, hostInfoCall(1))).toMatchObject({ type: 'reply', id: 1, ok: true })
    ws.close()
  })
})

describe('browser host: frames', () => {
  it('round-trips a valid call', async () => {
    const { host } = await start()
    const ws = await open(host.port)
    expect(await exchange(ws, hostInfoCall(7))).toEqual({
      type: 'reply', id: 7, ok: true, value: { host: 'browser', appVersion: 'test', engineVersion: 'test-engine', nativeDialogs: false }
    })
    ws.close()
  })

  it('answers an oversized frame with an error reply and keeps serving', async () => {
    const { host } = await start()
    const ws = await open(host.port)
    const big = JSON.stringify({ type: 'call', id: 2, method: 'validateProfile', payload: { profile: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) } })
    const refused = await exchange(ws, big)
    expect(refused).toMatchObject({ type: 'reply', id: null, ok: false, error: { code: 'invalid-request' } })
    expect(JSON.stringify(refused)).toContain('limit')
    expect(await exchange(ws, hostInfoCall(3))).toMatchObject({ id: 3, ok: true })
    ws.close()
  })

  it('drops only the connection that sends an absurdly large frame; the host keeps serving', async () => {
    const { host } = await start()
    const hog = await open(host.port)
    const closed = new Promise<number>((resolve) => hog.once('close', (code) => resolve(code)))
    hog.send('x'.repeat(5 * MAX_CLIENT_FRAME_BYTES))
    expect(await closed).toBe(1009)
    const other = await open(host.port)
    expect(await exchange(other, hostInfoCall(9))).toMatchObject({ id: 9, ok: true })
    other.close()
  })

  it('answers malformed frames with error replies and keeps serving', async () => {
    const { host } = await start()
    const ws = await open(host.port)
    expect(await exchange(ws, '{not json')).toMatchObject({ id: null, ok: false, error: { code: 'invalid-request', message: 'frame: not valid JSON' } })
    expect(await exchange(ws, JSON.stringify({ type: 'call', id: 4, method: 'rm -rf', payload: {} })))
      .toMatchObject({ id: 4, ok: false, error: { code: 'invalid-request' } })
    expect(await exchange(ws, JSON.stringify({ type: 'hello' }))).toMatchObject({ id: null, ok: false })
    expect(await exchange(ws, JSON.stringify({ type: 'call', id: 5, method: 'cancelRun', payload: { runId: '../../x' } })))
      .toMatchObject({ id: 5, ok: false, error: { code: 'invalid-request' } })
    expect(await exchange(ws, Buffer.from([1, 2, 3]))).toMatchObject({ id: null, ok: false })
    expect(await exchange(ws, hostInfoCall(6))).toMatchObject({ id: 6, ok: true })
    ws.close()
  })

  it('turns a reply JSON cannot carry into an error reply, and keeps serving', async () => {
    const { host, lab } = await start()
    lab.listHistory = async () => [{ id: 1n }] as never
    const ws = await open(host.port)
    const reply = await exchange(ws, JSON.stringify({ type: 'call', id: 10, method: 'listHistory', payload: {} }))
    expect(reply).toMatchObject({ id: 10, ok: false, error: { code: 'failed' } })
    expect(await exchange(ws, hostInfoCall(11))).toMatchObject({ id: 11, ok: true })
    ws.close()
  })

  it('carries the lab’s own errors as serialized LabErrors', async () => {
    const { host } = await start()
    const ws = await open(host.port)
    const reply = await exchange(ws, JSON.stringify({ type: 'call', id: 8, method: 'listPresets', payload: {} }))
    expect(reply).toMatchObject({ id: 8, ok: false, error: { code: 'not-available' } })
    ws.close()
  })

  it('pushes lab events to every open tab and unsubscribes on close', async () => {
    const { host, emit, listenerCount } = await start()
    const a = await open(host.port)
    const b = await open(host.port)
    const frames = Promise.all([nextFrame(a), nextFrame(b)])
    emit('runFinished', { runId: 'r1', status: 'completed' })
    for (const frame of await frames) expect(frame).toEqual({ type: 'event', event: 'runFinished', payload: { runId: 'r1', status: 'completed' } })
    a.close()
    b.close()
    expect(listenerCount()).toBe(2)
    await hosts.pop()?.close()
    expect(listenerCount()).toBe(0)
  })
})

describe('browser host: a client that does not keep up', () => {
  const MiB = 1024 * 1024
  const getResultsCall = (id: number) => JSON.stringify({ type: 'call', id, method: 'getResults', payload: { runId: '20260101-000000-run-abcd' } })
  const closeOf = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  /** The server's unsent replies sit in the JS heap (queued strings) and in buffers; client and server share this process. */
  const memoryInUse = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage()
    return heapUsed + arrayBuffers
  }

  it('drops a client that calls without reading its replies, bounding what it holds, and keeps serving the others', async () => {
    const { host, lab, emit } = await start()
    const reply = { blob: 'x'.repeat(MiB) }
    lab.getResults = async () => reply as never
    const slow = await open(host.port)
    const good = await open(host.port)
    slow.pause()
    const before = memoryInUse()
    let peak = 0
    // one call at a time, so only the unread output piles up (300 MiB of it without a bound)
    for (let id = 1; id <= 300; id++) {
      slow.send(getResultsCall(id))
      await pause(1)
      peak = Math.max(peak, memoryInUse() - before)
    }
    // the bound is 32 MiB of unread replies (plus garbage not yet collected); without one this passes 300 MiB
    expect(peak).toBeLessThan(96 * MiB)
    expect(await exchange(good, hostInfoCall(1))).toMatchObject({ id: 1, ok: true })
    const finished = nextFrame(good)
    emit('runFinished', { runId: 'r1', status: 'completed' })
    expect(await finished).toMatchObject({ type: 'event', event: 'runFinished' })
    // once it reads again, the client learns why it was dropped
    const closed = closeOf(slow)
    slow.resume()
    expect(await Promise.race([closed, pause(5000).then(() => 'still open')])).toMatchObject({ code: 1008, reason: expect.stringMatching(/not reading/) })
    good.close()
  })

  it('drops a client with too many calls in flight and discards their replies', async () => {
    const { host, lab } = await start()
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let started = 0
    lab.getResults = async () => {
      started++
      await held
      return { blob: 'late' } as never
    }
    const flood = await open(host.port)
    const good = await open(host.port)
    const closed = closeOf(flood)
    const replies: unknown[] = []
    flood.on('message', (data) => replies.push(data))
    for (let id = 1; id <= 300; id++) flood.send(getResultsCall(id))
    expect(await Promise.race([closed, pause(5000).then(() => 'still open')])).toMatchObject({ code: 1008, reason: expect.stringMatching(/in flight/) })
    expect(started).toBeLessThan(300)
    release()
    await pause(50)
    expect(replies).toEqual([])
    expect(await exchange(good, hostInfoCall(2))).toMatchObject({ id: 2, ok: true })
    good.close()
  })
})

describe('browser host: static files', () => {
  it('serves the renderer with MIME types, CSP and an index.html fallback', async () => {
    const { host } = await start()
    const index = await get(host.port, '/', { host: `127.0.0.1:${host.port}` })
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`)
    expect(csp).not.toContain("script-src 'self' 'unsafe")
    expect(index.headers['x-content-type-options']).toBe('nosniff')

    const script = await get(host.port, '/assets/app-1234.js', { host: `localhost:${host.port}` })
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.body).toBe('console.log(1)')
    expect((await get(host.port, '/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8')

    expect((await get(host.port, '/results')).body).toContain('<title>Drain Lab</title>')
    expect((await get(host.port, '/assets/missing.js')).status).toBe(404)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const { host } = await start()
    const head = await get(host.port, '/assets/app-1234.js', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe('14')
    expect(head.body).toBe('')
    const post = await get(host.port, '/', {}, 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })

  it('never serves a file outside the renderer folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'drainlab-parent-'))
    writeFileSync(join(parent, 'secret.txt'), 'SECRET')
    const root = join(parent, 'renderer')
    mkdirSync(root)
    writeFileSync(join(root, 'index.html'), 'INDEX')
    const { host } = await start({ root })
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00', `/${parent}/secret.txt`]) {
      const res = await get(host.port, path)
      expect(res.body, path).not.toContain('SECRET')
    }
    expect((await get(host.port, '/..%2fsecret.txt')).status).toBe(403)
  })

  it('never follows a symlink out of the renderer folder, but serves one that stays inside', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'drainlab-symlinks-'))
    writeFileSync(join(parent, 'secret.txt'), 'SECRET')
    mkdirSync(join(parent, 'private'))
    writeFileSync(join(parent, 'private', 'key.js'), 'SECRET KEY')
    const root = join(parent, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), 'INDEX')
    writeFileSync(join(root, 'assets', 'real.js'), 'REAL')
    symlinkSync(join(parent, 'secret.txt'), join(root, 'leak.txt'))
    symlinkSync(join(parent, 'private'), join(root, 'assets', 'outside'))
    symlinkSync(join(root, 'assets', 'real.js'), join(root, 'alias.js'))
    const { host } = await start({ root })
    for (const path of ['/leak.txt', '/assets/outside/key.js']) {
      const res = await get(host.port, path)
      expect(res.body, path).not.toContain('SECRET')
      expect(res.status, path).toBe(403)
    }
    const inside = await get(host.port, '/alias.js')
    expect(inside.status).toBe(200)
    expect(inside.body).toBe('REAL')
  })

  it('refuses requests for a foreign Host name (DNS rebinding)', async () => {
    const { host } = await start()
    expect((await get(host.port, '/', { host: `evil.example:${host.port}` })).status).toBe(403)
    expect(await connect(host.port, { origin: `http://evil.example:${host.port}` })).toEqual({ refused: 403 })
  })

  it('explains how to build when out/renderer is missing, and serves the build once it exists', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'drainlab-late-build-')), 'renderer')
    const { host } = await start({ root })
    expect(host.rendererBuilt).toBe(false)
    const res = await get(host.port, '/')
    expect(res.status).toBe(503)
    expect(res.body).toContain('npm run build')
    // the page says "then reload": a build made while serving must show without a restart
    mkdirSync(root)
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>built later</title>')
    const reloaded = await get(host.port, '/')
    expect(reloaded.status).toBe(200)
    expect(reloaded.body).toContain('built later')
  })
})

describe('browser host: binding', () => {
  it('says which port is taken', async () => {
    const { host } = await start()
    await expect(startBrowserHost({ host: '127.0.0.1', port: host.port, rendererRoot: rendererFixture(), lab: fakeLab().lab }))
      .rejects.toThrow(new RegExp(`port ${host.port} on 127.0.0.1 is already in use`))
  })
})
