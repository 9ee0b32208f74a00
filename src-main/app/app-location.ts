// Where the app's own pages live: the built renderer next to the main bundle, or the electron-vite
// dev server during `npm run dev`. The IPC sender check and the navigation guard trust exactly these.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface AppLocation {
  /** What the window loads. */
  entryUrl: string
  /** The URLs whose frames are the app (see trusted-sender.ts). */
  appUrls: string[]
  preloadPath: string
  devServerUrl?: string
}

/** mainDir is the folder of the built main bundle (out/main); devServerUrl comes from ELECTRON_RENDERER_URL. */
export function appLocation(mainDir: string, devServerUrl: string | undefined): AppLocation {
  const preloadPath = join(mainDir, '..', 'preload', 'index.cjs')
  if (devServerUrl) return { entryUrl: devServerUrl, appUrls: [devServerUrl], preloadPath, devServerUrl }
  const indexUrl = pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href
  return { entryUrl: indexUrl, appUrls: [indexUrl], preloadPath }
}
