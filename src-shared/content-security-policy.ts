// The one Content-Security-Policy of the renderer, wherever it is delivered: the Electron session's
// header, the browser host's header, and the <meta> tag of src-renderer/index.html (the policy of the
// packaged app, which loads from file:// where no header hook runs; a test keeps the tag equal to this).
// The page loads only its own files and connects only to its own origin ('self' covers a same-origin
// ws: in CSP 3) plus the sockets the host names. 'unsafe-inline' for styles only: naive-ui injects
// <style> elements at run time; scripts stay 'self' only.

/** A <meta> policy cannot carry frame-ancestors (browsers ignore it there and warn). */
export type CspDelivery = 'header' | 'meta'

export function contentSecurityPolicy(connectSources: readonly string[], delivery: CspDelivery = 'header'): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(delivery === 'header' ? ["frame-ancestors 'none'"] : [])
  ].join('; ')
}
