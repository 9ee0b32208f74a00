// The IPC vocabulary shared by the main process (ipc.ts) and the preload: one invoke channel per
// LabApi method, one channel for pushed lab events, one for menu commands.
import type { LabEvent, LabEvents, LabMethod, SerializedLabError } from '../../src-shared/api'

export const labChannel = (method: LabMethod): `lab:${LabMethod}` => `lab:${method}`
export const LAB_EVENT_CHANNEL = 'lab:event'
export const APP_COMMAND_CHANNEL = 'app:command'

/**
 * What a lab handler returns. Errors travel as data: Electron turns a rejected handle() into a bare
 * message string, which would lose the LabError code the renderer needs.
 */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: SerializedLabError }

export interface IpcLabEvent<E extends LabEvent = LabEvent> {
  event: E
  payload: LabEvents[E]
}
