// The renderer's one connection to the lab, set once at start (main.ts) or by a test.
import type { LabClient } from '@shared/api'
import type { LabConnection } from './lab-connection'

let current: LabConnection | null = null

export function setLabConnection(connection: LabConnection): void {
  current = connection
}

export function labConnection(): LabConnection {
  if (!current) throw new Error('the lab connection is set in main.ts before any store uses it')
  return current
}

export function lab(): LabClient {
  return labConnection().client
}
