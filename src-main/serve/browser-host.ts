// Browser mode: one HTTP server that serves the built renderer and, on WS_PATH, the same LabApi the
// Electron host offers over IPC. Every WebSocket upgrade is checked (path, Host, Origin, token) before
// a single frame is read; pushed lab events go to every open tab.
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { hostname, networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { LabClient } from '../../src-shared/api'
import { MAX_CLIENT_FRAME_BYTES, TOKEN_PARAM, WS_PATH } from '../../src-shared/transport'
import { assertBindAllowed, hostHeaderAllowed, hostWithPort, originAllowed, tokenMatches } from './access-policy'
import { contentSecurityPolicy } from '../../src-shared/content-security-policy'
import { fanOutLabEvents } from '../lab/lab-event-fanout'
import { send, serveLabSocket } from './lab-socket'
import { sendText, serveStatic } from './static-files'

/**
 * ws closes the connection (code 1009) on frames above maxPayload. The protocol's own limit is lower,
 * so a frame between the two gets an error reply and the tab keeps its session; only an absurd frame
 * costs the connection. The hard cap bounds what one frame can make the server buffer.
 */
const HARD_FRAME_CAP_BYTES = 4 * MAX_CLIENT_FRAME_BYTES

/** A tab that has this much unsent data is behind: skip progress snapshots for it (runFinished still goes). */
const PROGRESS_BACKLOG_BYTES = 4 * 1024 * 1024

export interface BrowserHostOptions {
  host: string
  port: number
  /** Required for any non-loopback host; see access-policy.ts. */
  token?: string
  /** The built renderer, normally out/renderer. */
  rendererRoot: string
  /** The lab: every LabApi method plus its pushed events (the same shape the renderer's client has). */
  lab: LabClient
}

export interface BrowserHost {
  /** What to open in a browser, with the token when one is required. */
  url: string
  /**
   * Bound to every address: the same URL by each of the machine's own (non-loopback) addresses, for another
   * machine whose resolver does not know this one's name (or knows it as 127.0.0.1, as /etc/hosts often has it)
   */
  addressUrls: string[]
  port: number
  /** whether the built renderer was there at start (the CLI warns); requests check again until it is */
  rendererBuilt: boolean
  close(): Promise<void>
}

function refuseUpgrade(socket: Duplex, status: 400 | 403 | 404, reason: string): void {
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status]
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`)
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolvePort(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { host, token, rendererRoot, lab } = options
  assertBindAllowed(host, token)
  // checked again on each request until it exists, so a build made while serving shows on reload
  let rendererBuilt = existsSync(rendererRoot)
  let port = options.port

  const sockets = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_CAP_BYTES })
  const server = createServer((req, res) => {
    if (!hostHeaderAllowed(req.headers.host, host, port)) {
      sendText(res, 403, 'Unknown Host header\n')
      return
    }
    res.setHeader('Content-Security-Policy', contentSecurityPolicy([`ws://${req.headers.host}`]))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    rendererBuilt ||= existsSync(rendererRoot)
    serveStatic(req, res, rendererRoot, rendererBuilt).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}\n`)
      else res.destroy()
    })
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid')
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'No WebSocket here\n')
    if (!hostHeaderAllowed(req.headers.host, host, port)) return refuseUpgrade(socket, 403, 'Unknown Host header\n')
    if (!originAllowed(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403, 'Foreign Origin\n')
    if (!tokenMatches(token, url.searchParams.get(TOKEN_PARAM))) return refuseUpgrade(socket, 403, 'Missing or wrong token\n')
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req))
  })

  sockets.on('connection', (ws: WebSocket) => serveLabSocket(ws, lab))

  const stopEvents = fanOutLabEvents(lab, {
    current: () => sockets.clients,
    deliver: (client, message) => send(client, { type: 'event', ...message }),
    isBehind: (client) => client.bufferedAmount > PROGRESS_BACKLOG_BYTES
  })

  try {
    port = await listen(server, host, options.port)
  } catch (error) {
    stopEvents()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port} on ${host} is already in use; choose another with --port`, { cause: error })
    if (code === 'EADDRNOTAVAIL') throw new Error(`${host} is not an address of this machine`, { cause: error })
    throw error
  }

  const wildcard = host === '0.0.0.0' || host === '::'
  const shownHost = wildcard ? hostname() : host
  const query = token === undefined ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`
  return {
    url: `http://${hostWithPort(shownHost, port)}/${query}`,
    addressUrls: wildcard ? ownAddresses(host === '::').map((a) => `http://${hostWithPort(a, port)}/${query}`) : [],
    port,
    rendererBuilt,
    async close() {
      stopEvents()
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((done) => sockets.close(() => done()))
      server.closeAllConnections()
      await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())))
    }
  }
}

/** The machine's non-loopback addresses: IPv4 only when bound to 0.0.0.0, IPv6 (not link-local) too on ::. */
function ownAddresses(withIpv6: boolean): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue
      if (a.family === 'IPv4') out.push(a.address)
      else if (withIpv6 && !a.address.startsWith('fe80:')) out.push(a.address)
    }
  }
  return out
}
