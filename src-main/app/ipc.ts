// The Electron host's side of LabApi: one ipcMain.handle per method, each behind the sender check,
// each payload validated by dispatchLabCall, every error returned as a serialized LabError.
// Pushed lab events go to every window of the app.
import type { IpcMainInvokeEvent } from 'electron'
import { LAB_METHODS, LabError, serializeLabError, type LabClient } from '../../src-shared/api'
import { dispatchLabCall } from '../lab/dispatch'
import { fanOutLabEvents } from '../lab/lab-event-fanout'
import { LAB_EVENT_CHANNEL, labChannel, type IpcLabEvent, type IpcReply } from './ipc-channels'
import { isTrustedSender } from './trusted-sender'

/** The parts of ipcMain this module uses (structural, so tests can pass a double). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown) => Promise<IpcReply>): void
  removeHandler(channel: string): void
}

export interface LabEventReceiver {
  isDestroyed(): boolean
  send(channel: string, message: IpcLabEvent): void
}

export interface LabIpcOptions {
  ipcMain: IpcMainLike
  lab: LabClient
  /** The app's own page URLs (see trusted-sender.ts). */
  appUrls: readonly string[]
  /** The webContents that receive pushed lab events (the open windows). */
  eventTargets: () => LabEventReceiver[]
}

export async function handleLabCall(lab: LabClient, appUrls: readonly string[], method: string, frameUrl: string | null | undefined, payload: unknown): Promise<IpcReply> {
  if (!isTrustedSender(frameUrl, appUrls)) {
    return { ok: false, error: serializeLabError(new LabError('forbidden', `${method}: the calling frame is not the app`)) }
  }
  try {
    return { ok: true, value: await dispatchLabCall(lab, method, payload) }
  } catch (error) {
    return { ok: false, error: serializeLabError(error) }
  }
}

/** Registers every LabApi handler and the event forwarding; the returned function undoes both. */
export function registerLabIpc({ ipcMain, lab, appUrls, eventTargets }: LabIpcOptions): () => void {
  for (const method of LAB_METHODS) {
    ipcMain.handle(labChannel(method), (event, payload) => handleLabCall(lab, appUrls, method, event.senderFrame?.url, payload))
  }
  const stopEvents = fanOutLabEvents(lab, {
    current: () => eventTargets().filter((target) => !target.isDestroyed()),
    deliver: (target, message) => target.send(LAB_EVENT_CHANNEL, message)
  })
  return () => {
    for (const method of LAB_METHODS) ipcMain.removeHandler(labChannel(method))
    stopEvents()
  }
}
