// What the preload exposes as window.lab: each LabApi method by name, event subscription and menu
// commands. Named functions only; the renderer never sees ipcRenderer or an IPC event object.
import { LAB_EVENTS, LAB_METHODS, type LabEvent, type LabEvents, type LabMethod, type SerializedLabError } from '../../src-shared/api'
import { APP_COMMANDS, APP_COMMAND_CHANNEL, LAB_EVENT_CHANNEL, labChannel, type AppCommand, type IpcLabEvent, type IpcReply } from '../app/ipc-channels'

/** The parts of ipcRenderer the bridge uses (structural, so the bridge can be tested without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * A rejected call: an Error whose message is the lab's, carrying its code (and profile issues).
 * Electron's contextBridge rebuilds an Error in the page from its message alone, so the page sees the
 * lab's message; code and issues reach only callers inside the preload's world.
 */
export function labCallError(error: SerializedLabError): Error {
  return Object.assign(new Error(error.message), { name: 'LabError', code: error.code, ...(error.issues ? { issues: error.issues } : {}) })
}

export type LabBridge = Record<LabMethod, (req?: unknown) => Promise<unknown>> & {
  on<E extends LabEvent>(event: E, listener: (payload: LabEvents[E]) => void): () => void
  onCommand(listener: (command: AppCommand, argument?: string) => void): () => void
}

export function createLabBridge(ipc: IpcRendererLike): LabBridge {
  const call = async (method: LabMethod, req: unknown): Promise<unknown> => {
    const reply = (await ipc.invoke(labChannel(method), req ?? {})) as IpcReply
    if (reply.ok) return reply.value
    throw labCallError(reply.error)
  }
  const methods = Object.fromEntries(LAB_METHODS.map((method) => [method, (req?: unknown) => call(method, req)])) as Record<LabMethod, (req?: unknown) => Promise<unknown>>

  const subscribe = (channel: string, listener: (event: unknown, ...args: unknown[]) => void): (() => void) => {
    ipc.on(channel, listener)
    return () => {
      ipc.removeListener(channel, listener)
    }
  }

  return {
    ...methods,
    on(event, listener) {
      if (!(LAB_EVENTS as string[]).includes(event)) throw new Error(`unknown lab event "${String(event)}"`)
      return subscribe(LAB_EVENT_CHANNEL, (_ipcEvent, message) => {
        const pushed = message as IpcLabEvent
        if (pushed.event === event) listener(pushed.payload as LabEvents[typeof event])
      })
    },
    onCommand(listener) {
      return subscribe(APP_COMMAND_CHANNEL, (_ipcEvent, name, argument) => {
        if (!(APP_COMMANDS as readonly unknown[]).includes(name)) return
        listener(name as AppCommand, typeof argument === 'string' ? argument : undefined)
      })
    }
  }
}
