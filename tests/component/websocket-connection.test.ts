// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LabError } from '../../src-shared/api'
import { labSocketUrl, websocketConnection } from '../../src-renderer/src/api/websocket-connection'

/** A WebSocket stand-in the test drives by hand. */
class FakeSocket {
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((m: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {}
  send(text: string) { this.sent.push(text) }
  open() { this.onopen?.() }
  receive(frame: unknown) { this.onmessage?.({ data: JSON.stringify(frame) }) }
  close() { this.onclose?.() }
}

describe('WebSocket LabClient', () => {
  let sockets: FakeSocket[]
  const factory = (url: string) => {
    const s = new FakeSocket(url)
    sockets.push(s)
    return s as unknown as WebSocket
  }
  beforeEach(() => {
    sockets = []
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('builds the socket URL on the page origin, passing the token on', () => {
    expect(labSocketUrl({ protocol: 'http:', host: '127.0.0.1:7357', search: '' })).toBe('ws://127.0.0.1:7357/lab')
    expect(labSocketUrl({ protocol: 'https:', host: 'h:1', search: '?token=a%2Bb' })).toBe('wss://h:1/lab?token=a%2Bb')
  })

  it('sends call frames and resolves on the reply; error replies become LabErrors', async () => {
    const conn = websocketConnection('ws://x/lab', factory)
    sockets[0].open()
    const info = conn.client.hostInfo({})
    const sent = JSON.parse(sockets[0].sent[0])
    expect(sent).toMatchObject({ type: 'call', method: 'hostInfo', payload: {} })
    sockets[0].receive({ type: 'reply', id: sent.id, ok: true, value: { host: 'browser', engineVersion: '1' } })
    await expect(info).resolves.toMatchObject({ host: 'browser' })

    const bad = conn.client.getResults({ runId: 'nope' })
    const second = JSON.parse(sockets[0].sent[1])
    sockets[0].receive({ type: 'reply', id: second.id, ok: false, error: { code: 'not-found', message: 'no results' } })
    await expect(bad).rejects.toMatchObject({ code: 'not-found', message: 'no results' })
  })

  it('queues calls made before the socket opens', async () => {
    const conn = websocketConnection('ws://x/lab', factory)
    const presets = conn.client.listPresets({})
    expect(sockets[0].sent).toHaveLength(0)
    sockets[0].open()
    const frame = JSON.parse(sockets[0].sent[0])
    sockets[0].receive({ type: 'reply', id: frame.id, ok: true, value: [] })
    await expect(presets).resolves.toEqual([])
  })

  it('rejects calls in flight when the socket drops, then reconnects with backoff', async () => {
    const conn = websocketConnection('ws://x/lab?token=secret', factory)
    const states: string[] = []
    conn.onStateChange((s) => states.push(s))
    sockets[0].open()
    const pending = conn.client.startRun({ profile: {} })
    sockets[0].close()
    await expect(pending).rejects.toBeInstanceOf(LabError)
    await expect(pending).rejects.toThrow(/Lost the connection.*startRun/)
    expect(conn.endpoint).toBe('ws://x/lab?token=…')
    expect(conn.state()).toBe('closed')
    vi.advanceTimersByTime(300)
    expect(sockets).toHaveLength(2)
    sockets[1].open()
    expect(states).toEqual(['open', 'closed', 'connecting', 'open'])
  })

  it('dispatches pushed events to listeners until they unsubscribe', () => {
    const conn = websocketConnection('ws://x/lab', factory)
    sockets[0].open()
    const seen: string[] = []
    const off = conn.client.on('runFinished', (e) => seen.push(e.status))
    sockets[0].receive({ type: 'event', event: 'runFinished', payload: { runId: 'r', status: 'completed' } })
    off()
    sockets[0].receive({ type: 'event', event: 'runFinished', payload: { runId: 'r', status: 'failed' } })
    expect(seen).toEqual(['completed'])
  })

  it('gives up on a call made while disconnected after a while, saying what to do', async () => {
    const conn = websocketConnection('ws://x/lab', factory)
    const call = conn.client.listHistory({})
    vi.advanceTimersByTime(10_001)
    await expect(call).rejects.toThrow(/not reachable.*drainlab serve/)
  })
})
