// The Electron security baseline (DEVELOPERS.md, "Security baseline") applied to every webContents and the session:
// no navigation away from the app, no new windows, no webviews, no permissions, a strict CSP, and
// shell.openExternal only for an allow-list of documentation sites.
import { contentSecurityPolicy } from '../../src-shared/content-security-policy'
import { isAppUrl } from './trusted-sender'

/** Sites the app may open in the user's browser (kernel documentation and sources, the project). */
export const EXTERNAL_HOSTS_ALLOWED = ['docs.kernel.org', 'www.kernel.org', 'git.kernel.org', 'lore.kernel.org', 'elixir.bootlin.com', 'github.com'] as const

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' &&
    (EXTERNAL_HOSTS_ALLOWED as readonly string[]).includes(parsed.hostname)
}

/** The desktop app talks to the lab over IPC only: no WebSocket, except the dev server's own HMR socket. */
export function electronCsp(devServerUrl?: string): string {
  return contentSecurityPolicy(devServerUrl ? [new URL(devServerUrl).origin.replace(/^http/, 'ws')] : [])
}

interface PreventableEvent {
  preventDefault(): void
}

/** The parts of Electron's WebContents this module uses (structural, so tests can pass a double). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent & { url: string }) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: () => boolean): void
  webRequest: {
    onHeadersReceived(listener: (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void
    ) => void): void
  }
}

export function hardenWebContents(contents: HardenableContents, appUrls: readonly string[], openExternal: (url: string) => void): void {
  const stayInApp = (event: PreventableEvent & { url: string }) => {
    if (!isAppUrl(event.url, appUrls)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-frame-navigate', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // a link to allowed documentation opens in the user's browser; no window is ever created here
    if (isAllowedExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

export function hardenSession(session: HardenableSession, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } })
  })
}
