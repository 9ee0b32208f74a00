// The main window's options: the Electron security checklist in one place, as data a test can read.
import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowBounds } from './window-state'

export const MIN_WINDOW_WIDTH = 900
export const MIN_WINDOW_HEIGHT = 600

export function mainWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Drain Lab',
    // shown on 'ready-to-show', so the window never flashes empty
    show: false,
    webPreferences: {
      preload: preloadPath,
      // the renderer gets window.lab through contextBridge and nothing else of Node or Electron
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // middle-click opens links in new windows, bypassing the window-open handler's intent
      disableBlinkFeatures: 'Auxclick'
    }
  }
}
