// Electron: the preload already exposes LabApi over IPC, so the connection is always open. The
// preload rejects failed calls with plain objects (contextBridge would strip an Error down to its
// message); each method here turns them back into LabErrors, so views see the same errors as over
// the browser host's WebSocket.
import type { LabClient } from '@shared/api'
import { labCallOf, labClientOf } from '@shared/lab-client'
import { labErrorFromRejection } from '@shared/lab-error-wire'
import type { ElectronLabBridge } from './electron-bridge'
import type { LabConnection } from './lab-connection'

function clientOver(bridge: ElectronLabBridge): LabClient {
  const callBridge = labCallOf(bridge)
  return labClientOf(
    (method, req) => callBridge(method, req).catch((reason: unknown) => { throw labErrorFromRejection(reason) }),
    (event, listener) => bridge.on(event, listener)
  )
}

export function electronConnection(bridge: ElectronLabBridge): LabConnection {
  return {
    client: clientOver(bridge),
    kind: 'electron',
    endpoint: null,
    state: () => 'open',
    onStateChange: () => () => {},
    onCommand: (listener) => bridge.onCommand(listener)
  }
}
