import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../src-main/app/window-options'
import { boundsOnScreen, DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState, WINDOW_STATE_FILE } from '../../src-main/app/window-state'
import { profilePathFromArgv } from '../../src-main/app/launch-args'

describe('main window options', () => {
  it('sets every flag of the Electron security checklist', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs', { width: 1000, height: 700 })
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(options.webPreferences?.preload).toMatch(/\.cjs$/)
    expect(options).toMatchObject({ width: 1000, height: 700, show: false })
  })
})

describe('window state', () => {
  it('round-trips through an atomic write and leaves no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-winstate-'))
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
    const state = { bounds: { x: 10, y: 20, width: 1100, height: 750 }, maximized: true }
    await saveWindowState(dir, state)
    expect(await loadWindowState(dir)).toEqual(state)
    await saveWindowState(dir, { ...state, maximized: false })
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE])
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ maximized: false })
  })

  it('falls back to the default for a corrupt or implausible file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-winstate-'))
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"bounds": {"width": 1100')
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(join(dir, WINDOW_STATE_FILE), JSON.stringify({ bounds: { width: -5, height: 10 }, maximized: false }))
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('refuses to write an invalid state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-winstate-'))
    await expect(saveWindowState(dir, { bounds: { width: Number.NaN, height: 10 }, maximized: false })).rejects.toThrow()
    expect(readdirSync(dir)).toEqual([])
  })

  it('drops a position no display shows any more', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    expect(boundsOnScreen({ x: 100, y: 100, width: 800, height: 600 }, displays)).toEqual({ x: 100, y: 100, width: 800, height: 600 })
    expect(boundsOnScreen({ x: 2500, y: 100, width: 800, height: 600 }, displays)).toEqual({ width: 800, height: 600 })
    expect(boundsOnScreen({ x: 100, y: -400, width: 800, height: 600 }, displays)).toEqual({ width: 800, height: 600 })
    expect(boundsOnScreen({ x: 2500, y: 100, width: 800, height: 600 }, [...displays, { x: 1920, y: 0, width: 1920, height: 1080 }]))
      .toEqual({ x: 2500, y: 100, width: 800, height: 600 })
  })
})

describe('launch arguments', () => {
  it('finds a profile handed over by the OS', () => {
    expect(profilePathFromArgv(['/usr/bin/drainlab', '/home/u/a.drainlab.json'])).toBe('/home/u/a.drainlab.json')
    expect(profilePathFromArgv(['/usr/bin/drainlab', '--no-sandbox'])).toBeNull()
    expect(profilePathFromArgv(['x.drainlab.json'])).toBeNull()
    expect(profilePathFromArgv(['/usr/bin/drainlab', 'notes.json'])).toBeNull()
  })
})
