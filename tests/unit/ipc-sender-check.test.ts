import { describe, expect, it } from 'vitest'
import { LAB_METHODS, LabError, type LabClient, type LabEvent, type LabEvents } from '../../src-shared/api'
import { LAB_EVENT_CHANNEL, labChannel, type IpcReply } from '../../src-main/app/ipc-channels'
import { handleLabCall, registerLabIpc, type IpcMainLike } from '../../src-main/app/ipc'
import { isAppUrl, isTrustedSender } from '../../src-main/app/trusted-sender'
import { appLocation } from '../../src-main/app/app-location'

const PROD = ['file:///opt/Drain%20Lab/resources/app.asar/out/renderer/index.html']
const DEV = ['http://localhost:5173/']

describe('isTrustedSender', () => {
  it('trusts the packaged index.html, whatever its query or hash', () => {
    expect(isTrustedSender(PROD[0], PROD)).toBe(true)
    expect(isTrustedSender(`${PROD[0]}?view=run#x`, PROD)).toBe(true)
  })

  it('refuses other files, other schemes and missing frames', () => {
    for (const url of [
      'file:///opt/Drain%20Lab/resources/app.asar/out/renderer/other.html',
      'file:///tmp/evil/index.html',
      'file://remote-host/opt/Drain%20Lab/resources/app.asar/out/renderer/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      'https://example.com/',
      'http://localhost:5173/',
      'not a url',
      ''
    ]) expect(isTrustedSender(url, PROD), url).toBe(false)
    expect(isTrustedSender(null, PROD)).toBe(false)
    expect(isTrustedSender(undefined, PROD)).toBe(false)
  })

  it('trusts the dev server by origin only', () => {
    expect(isTrustedSender('http://localhost:5173/index.html?x', DEV)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://localhost:5173.evil.com/', DEV)).toBe(false)
  })

  it('derives the app URLs from the main bundle folder or the dev server', () => {
    const built = appLocation('/app/out/main', undefined)
    expect(built.entryUrl).toBe('file:///app/out/renderer/index.html')
    expect(built.appUrls).toEqual([built.entryUrl])
    expect(built.preloadPath).toBe('/app/out/preload/index.cjs')
    expect(appLocation('/app/out/main', 'http://localhost:5173').appUrls).toEqual(['http://localhost:5173'])
  })
})

/** Test double for the lab: records calls, lets the test push events. */
function fakeLab() {
  const calls: string[] = []
  const listeners = new Map<LabEvent, Set<(p: never) => void>>()
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, async (req: unknown) => {
    calls.push(m)
    if (m === 'getResults') throw new LabError('not-found', 'no such run')
    return { method: m, req }
  }]))
  const lab = {
    ...methods,
    on<E extends LabEvent>(event: E, listener: (payload: LabEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (p: never) => void)
      return () => { set.delete(listener as (p: never) => void) }
    }
  } as unknown as LabClient
  const emit = <E extends LabEvent>(event: E, payload: LabEvents[E]) => {
    for (const l of listeners.get(event) ?? []) (l as (p: LabEvents[E]) => void)(payload)
  }
  return { lab, calls, emit, listeners }
}

/** Test double for ipcMain (Electron cannot run here): keeps the registered handlers in a map. */
function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => { handlers.delete(channel) }
  }
  const invoke = (channel: string, frameUrl: string | null, payload: unknown): Promise<IpcReply> => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`no handler for ${channel}`)
    const senderFrame = frameUrl === null ? null : ({ url: frameUrl } as never)
    return handler({ senderFrame }, payload)
  }
  return { ipcMain, handlers, invoke }
}

describe('LabApi over IPC', () => {
  it('registers one handler per LabApi method and removes them all on dispose', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const { lab, listeners } = fakeLab()
    const dispose = registerLabIpc({ ipcMain, lab, appUrls: PROD, eventTargets: () => [] })
    expect([...handlers.keys()].sort()).toEqual(LAB_METHODS.map((m) => `lab:${m}`).sort())
    dispose()
    expect(handlers.size).toBe(0)
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true)
  })

  it('routes a trusted call to the lab and returns its value', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const { lab, calls } = fakeLab()
    registerLabIpc({ ipcMain, lab, appUrls: PROD, eventTargets: () => [] })
    expect(await invoke(labChannel('cancelRun'), PROD[0], { runId: '20261129-120000-test-0a1b' })).toEqual({ ok: true, value: { method: 'cancelRun', req: { runId: '20261129-120000-test-0a1b' } } })
    expect(calls).toEqual(['cancelRun'])
  })

  it('refuses an untrusted or vanished sender frame without calling the lab', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const { lab, calls } = fakeLab()
    registerLabIpc({ ipcMain, lab, appUrls: PROD, eventTargets: () => [] })
    expect(await invoke(labChannel('hostInfo'), 'https://evil.example/', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await invoke(labChannel('hostInfo'), null, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(calls).toEqual([])
  })

  it('validates payloads and serializes the lab’s errors', async () => {
    const { lab, calls } = fakeLab()
    expect(await handleLabCall(lab, PROD, 'cancelRun', PROD[0], { runId: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await handleLabCall(lab, PROD, 'getResults', PROD[0], { runId: '20261129-120000-test-0a1b' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no such run' } })
    expect(calls).toEqual(['getResults'])
  })

  it('forwards pushed lab events to every live window', () => {
    const { ipcMain } = fakeIpcMain()
    const { lab, emit } = fakeLab()
    const sent: unknown[] = []
    const live = { isDestroyed: () => false, send: (channel: string, message: unknown) => sent.push([channel, message]) }
    const dead = { isDestroyed: () => true, send: () => { throw new Error('sent to a destroyed window') } }
    registerLabIpc({ ipcMain, lab, appUrls: PROD, eventTargets: () => [live, dead] })
    emit('runFinished', { runId: 'r1', status: 'completed' })
    expect(sent).toEqual([[LAB_EVENT_CHANNEL, { event: 'runFinished', payload: { runId: 'r1', status: 'completed' } }]])
  })
})
