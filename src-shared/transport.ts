// The browser host's wire protocol: LabApi calls and pushed events as JSON text frames over one WebSocket.
// The Electron host carries the same method names over IPC; only the framing differs.
import { z } from 'zod'
import { LAB_EVENTS, LAB_METHODS, type LabEvent, type LabEvents, type LabMethod, type SerializedLabError } from './api'

/** Frames larger than this are refused with an error reply (profiles are a few KB; results go the other way). */
export const MAX_CLIENT_FRAME_BYTES = 1_048_576

export const callFrameSchema = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.enum(LAB_METHODS as [LabMethod, ...LabMethod[]]),
  payload: z.unknown()
})
export type CallFrame = z.infer<typeof callFrameSchema>

export type ReplyFrame =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number | null; ok: false; error: SerializedLabError }

export interface EventFrame<E extends LabEvent = LabEvent> {
  type: 'event'
  event: E
  payload: LabEvents[E]
}

export type ServerFrame = ReplyFrame | EventFrame

export const isLabEvent = (name: string): name is LabEvent => (LAB_EVENTS as string[]).includes(name)

/** The query parameter that carries the browser host's token (printed in the URL, like Jupyter). */
export const TOKEN_PARAM = 'token'
export const WS_PATH = '/lab'
