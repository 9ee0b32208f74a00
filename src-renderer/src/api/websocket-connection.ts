// Browser host: LabApi over one WebSocket to `drainlab serve` (src-shared/transport.ts frames).
// Reconnects with backoff; a call in flight when the socket drops is rejected (the lab may or may not
// have acted on it, so retrying is the user's decision), and calls made while disconnected wait for
// the next connection for a bounded time.
import { deserializeLabError, LabError, type LabClient, type LabEvent, type LabMethod } from '@shared/api'
import { labClientOf } from '@shared/lab-client'
import { isLabEvent, TOKEN_PARAM, WS_PATH, type CallFrame, type ServerFrame } from '@shared/transport'
import type { ConnectionState, LabConnection } from './lab-connection'
import { reconnectDelayMs } from './reconnect-backoff'

/** How long a call made while disconnected waits for the connection to come back. */
const OFFLINE_CALL_TIMEOUT_MS = 10_000

export type SocketFactory = (url: string) => WebSocket

interface Pending {
  method: LabMethod
  resolve: (value: unknown) => void
  reject: (error: LabError) => void
}

interface Queued extends Pending {
  frame: CallFrame
  timer: ReturnType<typeof setTimeout>
}

/** ws(s)://host/lab[?token=…] for the page at `location`. */
export function labSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM)
  const query = token === null ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`
  return `${scheme}//${location.host}${WS_PATH}${query}`
}

export function websocketConnection(url: string, openSocket: SocketFactory = (u) => new WebSocket(u)): LabConnection {
  let socket: WebSocket | null = null
  let state: ConnectionState = 'connecting'
  let attempt = 0
  let nextId = 1
  const pending = new Map<number, Pending>()
  const outbox: Queued[] = []
  const stateListeners = new Set<(s: ConnectionState) => void>()
  const eventListeners = new Map<LabEvent, Set<(payload: never) => void>>()
  const shownUrl = url.replace(/([?&]token=)[^&]*/, '$1…')

  const setState = (next: ConnectionState) => {
    if (next === state) return
    state = next
    for (const listener of stateListeners) listener(next)
  }

  const connect = () => {
    setState('connecting')
    const ws = openSocket(url)
    socket = ws
    ws.onopen = () => {
      attempt = 0
      setState('open')
      for (const queued of outbox.splice(0)) {
        clearTimeout(queued.timer)
        pending.set(queued.frame.id, queued)
        ws.send(JSON.stringify(queued.frame))
      }
    }
    ws.onmessage = (message) => receive(String(message.data))
    ws.onclose = () => {
      if (socket !== ws) return
      socket = null
      setState('closed')
      const lost = [...pending.values()]
      pending.clear()
      for (const call of lost) {
        call.reject(new LabError('failed', `Lost the connection to the lab (${shownUrl}) before "${call.method}" replied. It reconnects by itself; try again once the status bar says connected.`))
      }
      setTimeout(connect, reconnectDelayMs(attempt++))
    }
  }

  const receive = (text: string) => {
    let frame: ServerFrame
    try {
      frame = JSON.parse(text) as ServerFrame
    } catch {
      return
    }
    if (frame.type === 'event') {
      if (!isLabEvent(frame.event)) return
      for (const listener of eventListeners.get(frame.event) ?? []) listener(frame.payload as never)
      return
    }
    if (frame.id === null) return
    const call = pending.get(frame.id)
    if (!call) return
    pending.delete(frame.id)
    if (frame.ok) call.resolve(frame.value)
    else call.reject(deserializeLabError(frame.error))
  }

  const call = (method: LabMethod, payload: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const frame: CallFrame = { type: 'call', id: nextId++, method, payload: payload ?? {} }
      if (socket && state === 'open') {
        pending.set(frame.id, { method, resolve, reject })
        socket.send(JSON.stringify(frame))
        return
      }
      const timer = setTimeout(() => {
        const at = outbox.findIndex((q) => q.frame.id === frame.id)
        if (at >= 0) outbox.splice(at, 1)
        reject(new LabError('not-available', `The lab at ${shownUrl} is not reachable. Is \`drainlab serve\` still running? The page reconnects by itself.`))
      }, OFFLINE_CALL_TIMEOUT_MS)
      outbox.push({ frame, method, resolve, reject, timer })
    })

  const on: LabClient['on'] = (event, listener) => {
    const set = eventListeners.get(event) ?? new Set()
    eventListeners.set(event, set)
    set.add(listener as (payload: never) => void)
    return () => { set.delete(listener as (payload: never) => void) }
  }
  const client = labClientOf(call, on)

  connect()
  return {
    client,
    kind: 'browser',
    endpoint: shownUrl,
    state: () => state,
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => { stateListeners.delete(listener) }
    },
    onCommand: () => () => {}
  }
}
