// What the preload exposes as window.lab: each LabApi method by name, event subscription and menu
// commands. Named functions only; the renderer never sees ipcRenderer or an IPC event object.
import { LAB_EVENTS, type LabClient, type LabEvents, type LabMethod, type SerializedLabError } from '../../src-shared/api'
import { labClientOf } from '../../src-shared/lab-client'
import { isSerializedLabError, plainLabError } from '../../src-shared/lab-error-wire'
import { APP_COMMANDS, type AppCommand } from '../../src-shared/app-commands'
import { APP_COMMAND_CHANNEL, LAB_EVENT_CHANNEL, labChannel, type IpcLabEvent, type IpcReply } from '../app/ipc-channels'

/** The parts of ipcRenderer the bridge uses (structural, so the bridge can be tested without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Electron's wording when invoke() itself fails (no handler, or a handler that threw): "Error invoking remote method 'lab:x': Error: why". */
const INVOKE_FAILURE_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/

/**
 * What a failed call rejects with: a plain SerializedLabError, never an Error. contextBridge copies a
 * rejected Error into the page with its message alone, while a plain object crosses intact, so the
 * renderer (src-shared/lab-error-wire.ts) can rebuild the LabError with its code and profile issues.
 */
function callFailure(method: LabMethod, reason: unknown): SerializedLabError {
  if (isSerializedLabError(reason)) return plainLabError(reason)
  const message = reason instanceof Error ? reason.message.replace(INVOKE_FAILURE_PREFIX, '') : String(reason)
  return { code: 'failed', message: `${method}: ${message}` }
}

/** The value of a successful reply; a failure or a reply of the wrong shape rejects with callFailure's object. */
function unwrapReply(method: LabMethod, reply: unknown): unknown {
  const envelope = reply as Partial<IpcReply> | null | undefined
  if (envelope?.ok === true) return envelope.value
  if (envelope?.ok === false && isSerializedLabError(envelope.error)) throw plainLabError(envelope.error)
  throw callFailure(method, new Error('the main process sent a reply that is not a lab reply'))
}

/** A LabClient whose failures reject with plain SerializedLabErrors (see callFailure), plus menu commands. */
export type LabBridge = LabClient & {
  onCommand(listener: (command: AppCommand, argument?: string) => void): () => void
}

export function createLabBridge(ipc: IpcRendererLike): LabBridge {
  const call = async (method: LabMethod, req: unknown): Promise<unknown> => {
    let reply: unknown
    try {
      reply = await ipc.invoke(labChannel(method), req ?? {})
    } catch (reason) {
      throw callFailure(method, reason)
    }
    return unwrapReply(method, reply)
  }
  const subscribe = (channel: string, listener: (event: unknown, ...args: unknown[]) => void): (() => void) => {
    ipc.on(channel, listener)
    return () => {
      ipc.removeListener(channel, listener)
    }
  }

  const on: LabClient['on'] = (event, listener) => {
    if (!(LAB_EVENTS as string[]).includes(event)) throw new Error(`unknown lab event "${String(event)}"`)
    return subscribe(LAB_EVENT_CHANNEL, (_ipcEvent, message) => {
      const pushed = message as IpcLabEvent
      if (pushed.event === event) listener(pushed.payload as LabEvents[typeof event])
    })
  }

  return {
    ...labClientOf(call, on),
    onCommand(listener) {
      return subscribe(APP_COMMAND_CHANNEL, (_ipcEvent, name, argument) => {
        if (!(APP_COMMANDS as readonly unknown[]).includes(name)) return
        listener(name as AppCommand, typeof argument === 'string' ? argument : undefined)
      })
    }
  }
}
