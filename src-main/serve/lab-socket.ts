// One browser tab's WebSocket: call frames in, reply frames out. A bad frame (too large, not JSON,
// not a call, invalid payload) gets an error reply and the socket keeps serving, so one buggy or
// hostile message cannot take the page's session down. A client that does not keep up (stops reading
// its replies, or floods calls) is dropped instead: otherwise the server would hold its backlog.
import type { RawData, WebSocket } from 'ws'
import { LabError, serializeLabError, type LabApi } from '../../src-shared/api'
import { callFrameSchema, MAX_CLIENT_FRAME_BYTES, type ServerFrame } from '../../src-shared/transport'
import { dispatchLabCall } from '../lab/dispatch'

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0)
  return data instanceof ArrayBuffer ? data.byteLength : data.length
}

function asText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8')
}

/** The id of a frame that failed the schema, when it has a usable one, so the caller's promise settles. */
function salvageId(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  const id = (value as { id: unknown }).id
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null
}

/**
 * JSON text of a frame. A value JSON cannot carry (a BigInt, a cycle) becomes an error reply for that
 * call rather than an exception in the server; an event that cannot be encoded is dropped.
 */
function encode(frame: ServerFrame): string | null {
  try {
    return JSON.stringify(frame)
  } catch (error) {
    if (frame.type !== 'reply') return null
    const reason = error instanceof Error ? error.message : String(error)
    return JSON.stringify({ type: 'reply', id: frame.id, ok: false, error: serializeLabError(new LabError('failed', `the reply could not be encoded as JSON: ${reason}`)) })
  }
}

/**
 * Unsent output above which a client counts as not reading. Checked before each frame, so one large
 * reply (a results document is a few MiB) always goes out to a client that has caught up.
 */
export const MAX_UNREAD_BYTES = 32 * 1024 * 1024

/** Calls awaiting their replies above which a client counts as flooding; the renderer has a handful at once. */
export const MAX_CALLS_IN_FLIGHT = 64

/** RFC 6455 close code 1008, "policy violation". */
const POLICY_VIOLATION = 1008

/**
 * Ends the session with a close frame saying why. Replies still pending are discarded (send skips a
 * socket that is not open); ws destroys the socket if the client never answers the close.
 */
function drop(socket: WebSocket, reason: string): void {
  socket.close(POLICY_VIOLATION, reason)
}

export function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState !== socket.OPEN) return
  if (socket.bufferedAmount > MAX_UNREAD_BYTES) {
    drop(socket, `over ${MAX_UNREAD_BYTES / 1024 / 1024} MiB of replies unread: the client is not reading`)
    return
  }
  const text = encode(frame)
  if (text !== null) socket.send(text)
}

function refuse(socket: WebSocket, id: number | null, message: string): void {
  send(socket, { type: 'reply', id, ok: false, error: serializeLabError(new LabError('invalid-request', message)) })
}

export function serveLabSocket(socket: WebSocket, api: LabApi): void {
  // A protocol violation (e.g. a frame above ws's maxPayload) is an 'error' event; ws then closes that
  // socket itself. Without a listener the event would be thrown and take the whole host down.
  socket.on('error', () => socket.terminate())
  let inFlight = 0
  socket.on('message', (data, isBinary) => {
    // frames that arrive after a drop are not served
    if (socket.readyState !== socket.OPEN) return
    const size = byteLength(data)
    if (size > MAX_CLIENT_FRAME_BYTES) {
      refuse(socket, null, `frame: ${size} bytes is over the ${MAX_CLIENT_FRAME_BYTES}-byte limit`)
      return
    }
    if (isBinary) {
      refuse(socket, null, 'frame: binary frames are not part of the protocol; send JSON text')
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(asText(data))
    } catch {
      refuse(socket, null, 'frame: not valid JSON')
      return
    }
    const frame = callFrameSchema.safeParse(parsed)
    if (!frame.success) {
      const issue = frame.error.issues[0]
      const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'frame'
      refuse(socket, salvageId(parsed), `${where}: ${issue?.message ?? 'not a call frame'}`)
      return
    }
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      drop(socket, `over ${MAX_CALLS_IN_FLIGHT} calls in flight: wait for replies before sending more`)
      return
    }
    const { id, method, payload } = frame.data
    inFlight++
    dispatchLabCall(api, method, payload)
      .then(
        (value) => send(socket, { type: 'reply', id, ok: true, value }),
        (error: unknown) => send(socket, { type: 'reply', id, ok: false, error: serializeLabError(error) })
      )
      .finally(() => inFlight--)
  })
}
