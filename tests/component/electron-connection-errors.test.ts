// @vitest-environment happy-dom
// The renderer's Electron connection rebuilds the preload's plain-object rejections as LabErrors, so
// an error reads the same in Electron as over the browser host's WebSocket.
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError, type SerializedLabError } from '../../src-shared/api'
import ErrorPanel from '../../src-renderer/src/components/ErrorPanel.vue'
import type { ElectronLabBridge } from '../../src-renderer/src/api/electron-bridge'
import { electronConnection } from '../../src-renderer/src/api/electron-connection'
import { websocketConnection } from '../../src-renderer/src/api/websocket-connection'

const refused: SerializedLabError = {
  code: 'invalid-profile',
  message: 'the profile is invalid',
  issues: [{ path: 'machine.cpus', message: 'Too small: expected number to be >=1' }]
}

/** A window.lab whose startRun rejects as the preload does, and whose other methods resolve to null. */
function bridgeRejecting(reason: unknown) {
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(async () => null)]))
  methods.startRun = vi.fn(async () => { throw reason })
  const bridge = { ...methods, on: vi.fn(() => () => {}), onCommand: () => () => {} } as unknown as ElectronLabBridge
  return { bridge, methods }
}

/** The same refusal delivered by the browser host: an error reply frame on the WebSocket. */
async function overWebSocket(error: SerializedLabError): Promise<unknown> {
  let socket: { onopen: (() => void) | null; onmessage: ((m: { data: string }) => void) | null; send: (text: string) => void } | null = null
  const sent: string[] = []
  const connection = websocketConnection('ws://x/lab', () => {
    socket = { onopen: null, onmessage: null, send: (text) => { sent.push(text) } }
    return socket as unknown as WebSocket
  })
  socket!.onopen?.()
  const call = connection.client.startRun({ profile: {} }).catch((e: unknown) => e)
  const { id } = JSON.parse(sent[0]) as { id: number }
  socket!.onmessage?.({ data: JSON.stringify({ type: 'reply', id, ok: false, error }) })
  return call
}

describe('Electron connection errors', () => {
  it('rebuilds a LabError with code, message and issues from the preload’s plain rejection', async () => {
    const { bridge, methods } = bridgeRejecting(structuredClone(refused))
    const error = await electronConnection(bridge).client.startRun({ profile: { name: 'x' } }).catch((e: unknown) => e)
    expect(methods.startRun).toHaveBeenCalledWith({ profile: { name: 'x' } })
    expect(error).toBeInstanceOf(LabError)
    expect(error).toMatchObject(refused)
  })

  it('shows the same error panel as the browser host for the same refusal', async () => {
    const fromElectron = await electronConnection(bridgeRejecting(structuredClone(refused)).bridge).client.startRun({ profile: {} }).catch((e: unknown) => e)
    const fromBrowser = await overWebSocket(refused)
    expect(fromElectron).toEqual(fromBrowser)
    const panel = (error: unknown) => mount(ErrorPanel, { props: { error: error as LabError } }).text()
    expect(panel(fromElectron)).toBe(panel(fromBrowser))
    expect(panel(fromElectron)).toContain('machine.cpus Too small')
  })

  it('makes any other rejection a failed LabError with its message', async () => {
    const error = await electronConnection(bridgeRejecting(new Error('the window is closing')).bridge).client.startRun({ profile: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LabError)
    expect(error).toMatchObject({ code: 'failed', message: 'the window is closing' })
  })

  it('resolves values and passes event subscriptions through unchanged', async () => {
    const { bridge } = bridgeRejecting(null)
    const client = electronConnection(bridge).client
    await expect(client.hostInfo({})).resolves.toBeNull()
    const listener = () => {}
    client.on('runFinished', listener)
    expect(bridge.on).toHaveBeenCalledWith('runFinished', listener)
  })
})
