/// <reference types="electron-vite/node" />
// The Electron host: lifecycle, one window, the security baseline, LabApi over IPC, the menu.
// Kept thin on purpose: every decision lives in a plain module next to this one, tested without
// Electron (which cannot be launched on the project's build machines).
import { resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron'
import { createLabService } from '../lab/lab-service'
import { grantedPathPolicy } from '../lab/path-policy'
// the .ts entry explicitly: the .mjs beside it is the tsx shim for the CLI and must not ship in the app
import runJobWorkerPath from '../lab/pool/run-job-worker.ts?modulePath'
import liveCpuWorkerPath from '../live/cpu-worker.ts?modulePath'
import { appLocation } from './app-location'
import type { AppCommand } from '../../src-shared/app-commands'
import { PROFILE_EXTENSION } from '../../src-shared/profile/file-extension'
import { APP_COMMAND_CHANNEL } from './ipc-channels'
import { registerLabIpc } from './ipc'
import { profilePathFromArgv } from './launch-args'
import { buildMenuTemplate } from './menu'
import { PROFILE_FILE_FILTERS, withNativeDialogs } from './native-dialogs'
import { electronCsp, hardenSession, hardenWebContents, isAllowedExternalUrl } from './security'
import { mainWindowOptions } from './window-options'
import { boundsOnScreen, loadWindowState, saveWindowState } from './window-state'

const location = appLocation(import.meta.dirname, process.env.ELECTRON_RENDERER_URL)
let mainWindow: BrowserWindow | null = null
/** A profile the OS asked us to open before the window was ready (file association). */
let pendingProfile: string | null = profilePathFromArgv(process.argv)
/** the page may name a profile the system asked us to open, or one chosen in a dialog (see path-policy.ts) */
const profilePaths = grantedPathPolicy()
if (pendingProfile !== null) profilePaths.grant(pendingProfile)
/** The last window-state write, awaited before quitting so the file is complete. */
let windowStateSaved: Promise<void> = Promise.resolve()

function sendCommand(command: AppCommand, argument?: string): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(APP_COMMAND_CHANNEL, command, argument)
}

function openProfileFromOs(path: string): void {
  profilePaths.grant(path)
  if (mainWindow && !mainWindow.webContents.isLoading()) sendCommand('open-recent', path)
  else pendingProfile = path
}

async function createMainWindow(userData: string): Promise<void> {
  const saved = await loadWindowState(userData)
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  const win = new BrowserWindow(mainWindowOptions(location.preloadPath, boundsOnScreen(saved.bounds, displays)))
  // set before loading: did-finish-load (which delivers a pending profile) fires before loadURL resolves
  mainWindow = win
  if (saved.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-finish-load', () => {
    if (pendingProfile !== null) sendCommand('open-recent', pendingProfile)
    pendingProfile = null
  })
  win.on('close', () => {
    // remembered on close only: writing on every move/resize event would be a write storm
    windowStateSaved = saveWindowState(userData, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined)
  })
  win.on('closed', () => {
    mainWindow = null
  })
  await win.loadURL(location.entryUrl)
}

async function start(): Promise<void> {
  await app.whenReady()
  const userData = app.getPath('userData')
  hardenSession(session.defaultSession, electronCsp(location.devServerUrl))

  const service = createLabService({
    dataDir: userData, host: 'electron', pathPolicy: profilePaths, appVersion: app.getVersion(), workerFilename: runJobWorkerPath,
    liveWorkerFilename: liveCpuWorkerPath
  })
  const refreshMenu = async () => {
    const recentProfiles = await service.listRecentProfiles({}).catch(() => [])
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
      appName: app.getName(), isMac: process.platform === 'darwin', devTools: !app.isPackaged, recentProfiles, send: sendCommand
    })))
  }
  const lab = withNativeDialogs(service, {
    async chooseProfileToOpen() {
      const options = { title: 'Open profile', properties: ['openFile' as const], filters: PROFILE_FILE_FILTERS }
      const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return chosen.canceled || chosen.filePaths.length === 0 ? null : chosen.filePaths[0]
    },
    async chooseProfileSavePath() {
      const options = { title: 'Save profile', defaultPath: `experiment${PROFILE_EXTENSION}`, filters: PROFILE_FILE_FILTERS }
      const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return chosen.canceled || chosen.filePath === undefined ? null : chosen.filePath
    }
  }, () => void refreshMenu(), (path) => profilePaths.grant(path))

  const disposeIpc = registerLabIpc({
    ipcMain,
    lab,
    appUrls: location.appUrls,
    eventTargets: () => BrowserWindow.getAllWindows().map((w) => w.webContents)
  })
  // let the lab cancel its runs and save what completed, and the window state reach disk, before exiting
  let labClosed = false
  app.on('will-quit', (event) => {
    if (labClosed) return
    event.preventDefault()
    disposeIpc()
    void Promise.allSettled([service.close(), windowStateSaved]).finally(() => {
      labClosed = true
      app.quit()
    })
  })

  await refreshMenu()
  await createMainWindow(userData)
}

if (!app.requestSingleInstanceLock()) {
  // another Drain Lab is running: it gets our arguments through 'second-instance' and we leave
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const profile = profilePathFromArgv(argv)
    // a relative path names a file in the second instance's folder, not ours
    if (profile !== null) openProfileFromOs(resolve(workingDirectory, profile))
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  // macOS delivers file-association opens as an event, not as argv
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openProfileFromOs(path)
  })
  app.on('web-contents-created', (_event, contents: WebContents) => {
    hardenWebContents(contents, location.appUrls, (url) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) void createMainWindow(app.getPath('userData'))
  })
  start().catch((error: unknown) => {
    dialog.showErrorBox('Drain Lab could not start', error instanceof Error ? error.stack ?? error.message : String(error))
    app.exit(1)
  })
}
