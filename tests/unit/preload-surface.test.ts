// The preload's exposed surface. Electron cannot run here, so `electron` is replaced by a boundary
// fake that records what the preload hands to contextBridge and answers ipcRenderer.invoke.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { LAB_METHODS } from '../../src-shared/api'
import type { IpcReply } from '../../src-main/app/ipc-channels'

type Listener = (event: unknown, ...args: unknown[]) => void

/** Boundary fake of the `electron` module as a sandboxed preload sees it. */
function fakeElectron() {
  const exposed = new Map<string, unknown>()
  const invoked: Array<[string, unknown]> = []
  const listeners = new Map<string, Set<Listener>>()
  let reply: IpcReply = { ok: true, value: 'pong' }
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push([channel, payload])
        return reply
      },
      on: (channel: string, l: Listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
      removeListener: (channel: string, l: Listener) => listeners.get(channel)?.delete(l)
    }
  }
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the IPC event must not reach the page' }, ...args)
  }
  return { electron, exposed, invoked, listeners, emit, setReply: (r: IpcReply) => { reply = r } }
}

type Bridge = Record<string, (...args: unknown[]) => unknown>
const EXPECTED_KEYS = [...LAB_METHODS, 'on', 'onCommand'].sort()

describe('preload (source, electron replaced by a boundary fake)', () => {
  const fake = fakeElectron()
  let lab: Bridge

  beforeAll(async () => {
    vi.doMock('electron', () => fake.electron)
    await import('../../src-main/preload/index')
    lab = fake.exposed.get('lab') as Bridge
  })

  it('exposes window.lab and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['lab'])
  })

  it('exposes exactly the LabApi methods plus on and onCommand, all functions', () => {
    expect(Object.keys(lab).sort()).toEqual(EXPECTED_KEYS)
    for (const value of Object.values(lab)) expect(typeof value).toBe('function')
    expect(Object.values(lab)).not.toContain(fake.electron.ipcRenderer)
  })

  it('invokes lab:<method> and resolves with the value', async () => {
    await expect(lab.cancelRun({ runId: 'r1' })).resolves.toBe('pong')
    await lab.hostInfo()
    expect(fake.invoked.slice(-2)).toEqual([['lab:cancelRun', { runId: 'r1' }], ['lab:hostInfo', {}]])
  })

  it('rejects a lab error as a plain object with its code, message and issues (contextBridge keeps those, not an Error’s fields)', async () => {
    const issues = [{ path: 'machine.cpus', message: 'at least 1' }]
    fake.setReply({ ok: false, error: { code: 'invalid-profile', message: 'the profile is invalid', issues } })
    const error = await (lab.startRun({ profile: {} }) as Promise<unknown>).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(Error)
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype)
    expect(error).toEqual({ code: 'invalid-profile', message: 'the profile is invalid', issues })
    fake.setReply({ ok: true, value: 'pong' })
  })

  it('rejects a reply that is not a lab reply as a plain failed error', async () => {
    fake.setReply({ ok: false, error: 'not a lab error' } as unknown as IpcReply)
    const error = await (lab.hostInfo() as Promise<unknown>).catch((e: unknown) => e)
    expect(error).toEqual({ code: 'failed', message: 'hostInfo: the main process sent a reply that is not a lab reply' })
    fake.setReply({ ok: true, value: 'pong' })
  })

  it('delivers only the subscribed event’s payload, and unsubscribes', () => {
    const got: unknown[] = []
    const off = lab.on('runFinished', (payload: unknown) => got.push(payload)) as () => void
    fake.emit('lab:event', { event: 'runProgress', payload: { runId: 'x' } })
    fake.emit('lab:event', { event: 'runFinished', payload: { runId: 'r1', status: 'completed' } })
    off()
    fake.emit('lab:event', { event: 'runFinished', payload: { runId: 'r2', status: 'completed' } })
    expect(got).toEqual([{ runId: 'r1', status: 'completed' }])
    expect(fake.listeners.get('lab:event')?.size).toBe(0)
    expect(() => lab.on('anything', () => {})).toThrow(/unknown lab event/)
  })

  it('passes on known menu commands only', () => {
    const got: unknown[] = []
    const off = lab.onCommand((...args: unknown[]) => got.push(args)) as () => void
    fake.emit('app:command', 'save')
    fake.emit('app:command', 'open-recent', '/home/u/a.drainlab.json')
    fake.emit('app:command', 'format-disk')
    off()
    expect(got).toEqual([['save', undefined], ['open-recent', '/home/u/a.drainlab.json']])
  })
})

describe('preload (built bundle, as a sandboxed renderer loads it)', () => {
  const bundle = resolve(import.meta.dirname, '../../out/preload/index.cjs')

  it('is CommonJS that requires nothing but electron and exposes the same surface', () => {
    expect(existsSync(bundle), 'out/preload/index.cjs is missing: run `npm run build` first').toBe(true)
    const fake = fakeElectron()
    const required: string[] = []
    const module = { exports: {} }
    // a sandboxed preload gets a restricted require; only `electron` is needed here
    const sandboxRequire = (name: string) => {
      required.push(name)
      if (name === 'electron') return fake.electron
      throw new Error(`a sandboxed preload cannot require "${name}"`)
    }
    runInNewContext(readFileSync(bundle, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console }, { filename: bundle })
    expect(required).toEqual(['electron'])
    expect(Object.keys(fake.exposed.get('lab') as object).sort()).toEqual(EXPECTED_KEYS)
  })
})
