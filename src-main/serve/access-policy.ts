// Who may use the browser host. Like Jupyter: loopback by default; any other bind address needs a
// secret token (generated when not given) that the page carries in its URL and hands to the WebSocket.
// The WebSocket also checks Origin, because browsers let any web page open a WebSocket to localhost.
import { randomBytes, timingSafeEqual } from 'node:crypto'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost'])
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** 32 hex characters (128 bits) from the OS's CSPRNG. */
export function generateToken(): string {
  return randomBytes(16).toString('hex')
}

/**
 * The token the host will require: the one given, or for a non-loopback bind a fresh one.
 * Loopback binds run without a token unless one is given.
 */
export function resolveAccessToken(host: string, token: string | undefined): string | undefined {
  if (token !== undefined && token.length > 0) return token
  return isLoopbackHost(host) ? undefined : generateToken()
}

/** Throws when a bind would expose the lab without a token. */
export function assertBindAllowed(host: string, token: string | undefined): void {
  if (!isLoopbackHost(host) && (token === undefined || token.length === 0)) {
    throw new Error(`Refusing to serve on ${host} without a token: only loopback addresses may run without one.`)
  }
}

export function tokenMatches(expected: string | undefined, given: string | null): boolean {
  if (expected === undefined) return true
  if (given === null) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** "host:port" as it appears in a Host header and an origin (IPv6 in brackets). */
export function hostWithPort(host: string, port: number): string {
  const bare = host.startsWith('[') ? host : host.includes(':') ? `[${host}]` : host
  return `${bare}:${port}`
}

/**
 * The Host header values a legitimate page of this server can send. A loopback bind answers to every
 * loopback name; a specific address to itself; a wildcard bind to any name (the token guards it).
 * Checking Host stops DNS rebinding: a hostile name resolved to 127.0.0.1 is not on the list.
 */
export function hostHeaderAllowed(hostHeader: string | undefined, bindHost: string, port: number): boolean {
  if (hostHeader === undefined) return false
  const header = hostHeader.toLowerCase()
  if (WILDCARD_HOSTS.has(bindHost)) return true
  const names = isLoopbackHost(bindHost) ? ['127.0.0.1', 'localhost', '[::1]', bindHost] : [bindHost]
  return names.some((name) => header === hostWithPort(name.toLowerCase(), port))
}

/** The WebSocket's Origin must be the page this server served: http://<the Host it was reached as>. */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined || hostHeader === undefined) return false
  return origin.toLowerCase() === `http://${hostHeader.toLowerCase()}`
}
