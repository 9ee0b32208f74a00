// The Electron main process wired together, with `electron` replaced by a boundary fake (Electron
// cannot be launched on the project's machines) and the lab by a test double. Checks the wiring the
// plain-module tests cannot: the lock, the hardening hooks, one handler per LabApi method, the window.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { LAB_METHODS } from '../../src-shared/api'

type Handler = (...args: unknown[]) => unknown

/** Boundary fake of the parts of `electron` the main process touches; it records every call. */
function fakeElectron(userData: string) {
  const appHandlers = new Map<string, Handler>()
  const ipcHandlers = new Map<string, Handler>()
  const windows: FakeWindow[] = []
  const calls: string[] = []
  class FakeWindow {
    readonly events = new Map<string, Handler>()
    loading = false
    readonly webContents = { on: (e: string, h: Handler) => this.events.set(`wc:${e}`, h), send: vi.fn(), isLoading: () => this.loading, isDestroyed: () => false }
    loadedUrl = ''
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this)
    }
    static getAllWindows = () => windows
    once = (e: string, h: Handler) => this.events.set(e, h)
    on = (e: string, h: Handler) => this.events.set(e, h)
    loadURL = async (url: string) => { this.loadedUrl = url }
    maximize = () => calls.push('maximize')
    show = () => calls.push('show')
    isDestroyed = () => false
    isMinimized = () => false
    restore = () => calls.push('restore')
    focus = () => calls.push('focus')
    getNormalBounds = () => ({ x: 1, y: 2, width: 1000, height: 700 })
    isMaximized = () => false
  }
  const session = {
    setPermissionRequestHandler: () => calls.push('permission-request-handler'),
    setPermissionCheckHandler: () => calls.push('permission-check-handler'),
    webRequest: { onHeadersReceived: () => calls.push('csp-header') }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => { calls.push('single-instance-lock'); return true },
      on: (e: string, h: Handler) => appHandlers.set(e, h),
      whenReady: async () => undefined,
      isReady: () => true,
      getPath: () => userData,
      getVersion: () => '9.9.9',
      getName: () => 'Drain Lab',
      isPackaged: true,
      quit: () => calls.push('quit'),
      exit: () => calls.push('exit')
    },
    BrowserWindow: FakeWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: (_t: string, m: string) => calls.push(`error-box: ${m}`) },
    ipcMain: { handle: (c: string, h: Handler) => ipcHandlers.set(c, h), removeHandler: (c: string) => ipcHandlers.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => calls.push('menu') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn() }
  }
  return { electron, appHandlers, ipcHandlers, windows, calls }
}

const labOptions: unknown[] = []
/** Test double of the lab service: the real one runs the engine on a worker pool. */
function fakeLabService(options: unknown) {
  labOptions.push(options)
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, async () => (m === 'listRecentProfiles' ? [] : { method: m })]))
  return { ...methods, on: () => () => {}, close: async () => {} }
}

describe('Electron main process (electron replaced by a boundary fake)', () => {
  const fake = fakeElectron(mkdtempSync(join(tmpdir(), 'drainlab-userdata-')))

  beforeAll(async () => {
    vi.doMock('electron', () => fake.electron)
    vi.doMock('../../src-main/lab/lab-service', () => ({ createLabService: fakeLabService }))
    vi.doMock('../../src-main/lab/pool/run-job-worker.ts?modulePath', () => ({ default: '/app/out/main/chunks/run-job-worker.js' }))
    vi.doMock('../../src-main/live/cpu-worker.ts?modulePath', () => ({ default: '/app/out/main/chunks/cpu-worker.js' }))
    await import('../../src-main/app/main')
    await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toMatch(/^file:/))
  })

  it('takes the single-instance lock first and installs the hardening hooks', () => {
    expect(fake.calls[0]).toBe('single-instance-lock')
    expect(fake.calls).toEqual(expect.arrayContaining(['permission-request-handler', 'permission-check-handler', 'csp-header', 'menu']))
    expect([...fake.appHandlers.keys()]).toEqual(expect.arrayContaining(['second-instance', 'open-file', 'web-contents-created', 'window-all-closed', 'will-quit']))
    expect(fake.calls.some((c) => c.startsWith('error-box'))).toBe(false)
  })

  it('registers exactly one IPC handler per LabApi method', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(LAB_METHODS.map((m) => `lab:${m}`).sort())
  })

  it('starts the lab for the Electron host in userData with the bundled worker', () => {
    expect(labOptions).toEqual([expect.objectContaining({ host: 'electron', appVersion: '9.9.9', workerFilename: '/app/out/main/chunks/run-job-worker.js' })])
  })

  it('opens one hardened window on the built renderer with the CommonJS preload', () => {
    expect(fake.windows).toHaveLength(1)
    const [win] = fake.windows
    expect(win.loadedUrl).toMatch(/\/renderer\/index\.html$/)
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect((win.options.webPreferences as { preload: string }).preload).toMatch(/preload[/\\]index\.cjs$/)
  })

  it('answers a trusted IPC call and refuses one from a foreign frame', async () => {
    const [win] = fake.windows
    const handler = fake.ipcHandlers.get('lab:hostInfo')!
    expect(await handler({ senderFrame: { url: win.loadedUrl } }, {})).toEqual({ ok: true, value: { method: 'hostInfo' } })
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('opens a profile handed over by a second launch (file association) in the running window', () => {
    const [win] = fake.windows
    fake.appHandlers.get('second-instance')!({}, ['/usr/bin/drainlab', '/home/u/a.drainlab.json'])
    expect(win.webContents.send).toHaveBeenCalledWith('app:command', 'open-recent', '/home/u/a.drainlab.json')
    expect(fake.calls.at(-1)).toBe('focus')
  })

  it('holds a profile the OS opens while the page loads until the page is ready', () => {
    const [win] = fake.windows
    win.webContents.send.mockClear()
    win.loading = true
    fake.appHandlers.get('open-file')!({ preventDefault: () => {} }, '/home/u/b.drainlab.json')
    expect(win.webContents.send).not.toHaveBeenCalled()
    win.loading = false
    win.events.get('wc:did-finish-load')!()
    expect(win.webContents.send).toHaveBeenCalledWith('app:command', 'open-recent', '/home/u/b.drainlab.json')
  })
})
