// Electron: the preload already exposes LabApi over IPC, so the connection is always open.
import type { ElectronLabBridge } from './electron-bridge'
import type { LabConnection } from './lab-connection'

export function electronConnection(bridge: ElectronLabBridge): LabConnection {
  return {
    client: bridge,
    kind: 'electron',
    endpoint: null,
    state: () => 'open',
    onStateChange: () => () => {},
    onCommand: (listener) => bridge.onCommand(listener)
  }
}
