// One LabClient per renderer, chosen at start: the Electron preload's bridge if present, else the
// browser host's WebSocket on the page's own origin.
import { electronConnection } from './electron-connection'
import type { LabConnection } from './lab-connection'
import { labSocketUrl, websocketConnection } from './websocket-connection'

export function chooseConnection(): LabConnection {
  if (window.lab) return electronConnection(window.lab)
  return websocketConnection(labSocketUrl(window.location))
}
