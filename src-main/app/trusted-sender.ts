// Which frames count as the app itself. IPC senders and navigations are checked against this:
// the packaged renderer's index.html (file://, exact path) or, in development, the electron-vite dev
// server (same origin). Everything else (about:blank, data:, other files, other sites) is foreign.

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** True when url is one of the app's own pages. */
export function isAppUrl(url: string, appUrls: readonly string[]): boolean {
  const candidate = parse(url)
  if (candidate === null) return false
  return appUrls.some((appUrl) => {
    const own = parse(appUrl)
    if (own === null || own.protocol !== candidate.protocol) return false
    if (own.protocol === 'file:') return own.host === candidate.host && own.pathname === candidate.pathname
    if (own.protocol === 'http:' || own.protocol === 'https:') return own.origin === candidate.origin
    return false
  })
}

/** An IPC sender is trusted when its frame still exists and shows one of the app's own pages. */
export function isTrustedSender(frameUrl: string | null | undefined, appUrls: readonly string[]): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, appUrls)
}
