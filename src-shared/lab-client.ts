// Every host carries LabApi as calls by method name: IPC channels, WebSocket frames, the dispatcher
// that validates them. This module is the one crossing between those untyped calls and the typed
// LabClient, in both directions, so no host builds a method map or casts on its own.
import { LAB_METHODS, type LabApi, type LabClient, type LabMethod } from './api'

/** One LabApi call by name, as a transport carries it. */
export type LabCall = (method: LabMethod, req: unknown) => Promise<unknown>

/** The LabClient whose every method is `call(method, req)` and whose events come from `on`. */
export function labClientOf(call: LabCall, on: LabClient['on']): LabClient {
  const methods = Object.fromEntries(LAB_METHODS.map((method) => [method, (req: unknown) => call(method, req)]))
  // The unavoidable cast: the object has exactly LAB_METHODS plus `on`, but TypeScript cannot follow a
  // map over a runtime list of keys, nor know what the far side answers. Replies are trusted to have
  // LabApi's types because the lab on the other end is LabApi's implementation.
  return { ...methods, on } as unknown as LabClient
}

/** The other direction: calls by name on a typed LabApi (a host wrapping or forwarding every method). */
export function labCallOf(api: LabApi): LabCall {
  // The same crossing reversed: the method's request type is not known statically, so the caller vouches
  // for `req` (dispatch.ts has validated it against the method's schema; a wrapper forwards what it got).
  return (method, req) => (api[method] as (req: unknown) => Promise<unknown>).call(api, req)
}
