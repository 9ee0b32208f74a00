// What the renderer knows about its link to the lab: the client, which host serves it, and whether it is up.
import type { LabClient } from '@shared/api'
import type { AppCommand } from '@shared/app-commands'

export type ConnectionState = 'connecting' | 'open' | 'closed'

export interface LabConnection {
  readonly client: LabClient
  readonly kind: 'electron' | 'browser'
  /** ws://… for the browser host, null in Electron */
  readonly endpoint: string | null
  state(): ConnectionState
  onStateChange(listener: (state: ConnectionState) => void): () => void
  /** Application-menu commands; only Electron has a menu, the browser host never calls this. */
  onCommand(listener: (command: AppCommand, argument?: string) => void): () => void
}
