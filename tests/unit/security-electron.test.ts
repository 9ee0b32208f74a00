import { describe, expect, it } from 'vitest'
import { electronCsp, hardenSession, hardenWebContents, isAllowedExternalUrl, type HardenableContents, type HardenableSession } from '../../src-main/app/security'

const APP = ['file:///app/out/renderer/index.html']

/** Test double for a WebContents (Electron cannot run here): records handlers so the test can fire them. */
function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void; url: string }) => void>()
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null
  const contents = {
    on: (event: string, listener: (e: { preventDefault(): void; url: string }) => void) => { handlers.set(event, listener) },
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => { openHandler = h }
  } as unknown as HardenableContents
  const fire = (event: string, url: string) => {
    let prevented = false
    handlers.get(event)?.({ url, preventDefault: () => { prevented = true } })
    return prevented
  }
  return { contents, fire, open: (url: string) => openHandler?.({ url }) }
}

describe('Electron security baseline', () => {
  it('denies navigation away from the app, and webviews', () => {
    const { contents, fire } = fakeContents()
    hardenWebContents(contents, APP, () => { throw new Error('must not open') })
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(fire(event, 'https://evil.example/'), event).toBe(true)
      expect(fire(event, 'file:///etc/passwd'), event).toBe(true)
      expect(fire(event, `${APP[0]}#results`), event).toBe(false)
    }
    expect(fire('will-attach-webview', 'about:blank')).toBe(true)
  })

  it('denies every new window; allow-listed documentation opens in the browser', () => {
    const { contents, open } = fakeContents()
    const opened: string[] = []
    hardenWebContents(contents, APP, (url) => opened.push(url))
    expect(open('https://docs.kernel.org/mm/page_allocator.html')).toEqual({ action: 'deny' })
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://docs.kernel.org/mm/page_allocator.html'])
  })

  it('allows openExternal only for https on the allow-list', () => {
    expect(isAllowedExternalUrl('https://elixir.bootlin.com/linux/latest/source/mm/page_alloc.c')).toBe(true)
    expect(isAllowedExternalUrl('http://docs.kernel.org/')).toBe(false)
    expect(isAllowedExternalUrl('https://docs.kernel.org.evil.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@github.com/')).toBe(false)
    expect(isAllowedExternalUrl('smb://github.com/share')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('not a url')).toBe(false)
  })

  it('denies permission requests and checks, and sets the CSP header', () => {
    let requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null
    let checkHandler: (() => boolean) | null = null
    let headerListener: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0] | null = null
    const session: HardenableSession = {
      setPermissionRequestHandler: (h) => { requestHandler = h },
      setPermissionCheckHandler: (h) => { checkHandler = h },
      webRequest: { onHeadersReceived: (l) => { headerListener = l } }
    }
    const csp = electronCsp()
    hardenSession(session, csp)
    let granted: boolean | null = null
    requestHandler!(null, 'media', (g) => { granted = g })
    expect(granted).toBe(false)
    expect(checkHandler!()).toBe(false)
    let headers: Record<string, string[]> = {}
    headerListener!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => { headers = r.responseHeaders })
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [csp] })
  })

  it('uses a strict CSP: no WebSocket in the app, only the dev server’s own in development', () => {
    expect(electronCsp()).toContain("default-src 'self'")
    expect(electronCsp()).toContain("script-src 'self';")
    expect(electronCsp()).toContain("connect-src 'self';")
    expect(electronCsp()).not.toMatch(/unsafe-eval/)
    expect(electronCsp('http://localhost:5173')).toContain("connect-src 'self' ws://localhost:5173")
  })
})
