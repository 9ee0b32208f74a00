// The browser host's Content-Security-Policy: the page may load only its own files and talk only to
// its own WebSocket. 'unsafe-inline' for styles only, because naive-ui injects <style> elements at
// run time; scripts stay 'self' only.
export function browserHostCsp(socketOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${socketOrigins.join(' ')}`.trimEnd(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}
