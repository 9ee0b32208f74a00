// What a browser-host client that stops reading costs the server (issue 9, bug 6). The server runs in a
// child process, so its memory is its own: a real browser host on 127.0.0.1 whose lab answers getResults
// with a document of --reply-mib MiB (1.6 MiB is what 300 calls costing ~490 MiB implies). One client
// stops reading and sends --calls getResults calls, one every --pace-ms; the child reports its memory (after a
// GC) before, once the calls are sent, and after that client is gone. Bounded: a fixed number of calls.
// usage: npx tsx scripts/measure-slow-reader.ts [--calls 300] [--reply-mib 1.6] [--pace-ms 5]
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { LabError, type LabClient } from '../src-shared/api'
import { labClientOf } from '../src-shared/lab-client'
import { WS_PATH } from '../src-shared/transport'
import { startBrowserHost } from '../src-main/serve/browser-host'

const MiB = 1024 * 1024
type Memory = Pick<NodeJS.MemoryUsage, 'rss' | 'heapUsed' | 'arrayBuffers'>

/** The child: a browser host whose lab answers getResults with replyBytes of JSON and nothing else. */
async function serve(replyBytes: number): Promise<void> {
  const reply = { blob: 'x'.repeat(replyBytes) }
  const lab: LabClient = labClientOf(async (method) => {
    if (method === 'getResults') return reply
    if (method === 'hostInfo') return { host: 'browser', appVersion: 'measure', engineVersion: 'measure', nativeDialogs: false }
    throw new LabError('not-available', `${method} is not part of this measurement`)
  }, () => () => {})
  const host = await startBrowserHost({ host: '127.0.0.1', port: 0, rendererRoot: mkdtempSync(join(tmpdir(), 'drainlab-measure-')), lab })
  process.on('message', (message) => {
    if (message === 'measure') {
      globalThis.gc?.()
      const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
      process.send?.({ rss, heapUsed, arrayBuffers })
    } else if (message === 'stop') void host.close().then(() => process.exit(0))
  })
  process.send?.({ port: host.port })
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once('message', (message) => resolve(message as T)))
}

function measure(child: ChildProcess): Promise<Memory> {
  const reply = nextMessage<Memory>(child)
  child.send('measure')
  return reply
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function openClient(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { origin: `http://127.0.0.1:${port}` })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

/** The round trip of one hostInfo call, or 'no reply' after 5 s. */
async function hostInfoRoundTrip(ws: WebSocket): Promise<string> {
  const started = performance.now()
  const reply = new Promise<string>((resolve) => ws.once('message', () => resolve(`${(performance.now() - started).toFixed(1)} ms`)))
  ws.send(JSON.stringify({ type: 'call', id: 1, method: 'hostInfo', payload: {} }))
  return Promise.race([reply, sleep(5000).then(() => 'no reply')])
}

/** How the slow client's connection ended once it reads again, or 'still open' after 5 s. */
async function fateOf(ws: WebSocket): Promise<string> {
  const closed = new Promise<string>((resolve) => ws.once('close', (code, reason) => resolve(`closed ${code} "${String(reason)}"`)))
  ws.resume()
  return Promise.race([closed, sleep(5000).then(() => 'still open')])
}

function row(label: string, m: Memory): string {
  const mib = (n: number) => `${(n / MiB).toFixed(1).padStart(7)} MiB`
  return `${label.padEnd(28)} rss ${mib(m.rss)}  heapUsed ${mib(m.heapUsed)}  arrayBuffers ${mib(m.arrayBuffers)}`
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    calls: { type: 'string', default: '300' }, 'reply-mib': { type: 'string', default: '1.6' }, 'pace-ms': { type: 'string', default: '5' }
  } })
  const paceMs = Number(values['pace-ms'])
  const calls = Math.min(Number(values.calls), 2000)
  const replyBytes = Math.round(Number(values['reply-mib']) * MiB)
  const child = fork(fileURLToPath(import.meta.url), ['--server', String(replyBytes)], { execArgv: ['--import', 'tsx', '--expose-gc'] })
  try {
    const { port } = await nextMessage<{ port: number }>(child)
    const before = await measure(child)
    const slow = await openClient(port)
    const good = await openClient(port)
    slow.pause()
    for (let id = 1; id <= calls; id++) {
      slow.send(JSON.stringify({ type: 'call', id, method: 'getResults', payload: { runId: '20260101-000000-measure-abcd' } }))
      await sleep(paceMs)
    }
    await sleep(500)
    const loaded = await measure(child)
    const goodRoundTrip = await hostInfoRoundTrip(good)
    const fate = await fateOf(slow)
    slow.terminate()
    good.close()
    await sleep(500)
    const after = await measure(child)
    console.log(`${calls} getResults calls of ${(replyBytes / MiB).toFixed(1)} MiB, one every ${paceMs} ms, from a client that does not read (server process):`)
    console.log(row('before', before))
    console.log(row(`after ${calls} calls`, loaded))
    console.log(row('after the client is gone', after))
    console.log(`well-behaved client's hostInfo meanwhile: ${goodRoundTrip}; slow client: ${fate}`)
  } finally {
    child.send('stop')
  }
}

if (process.argv[2] === '--server') await serve(Number(process.argv[3]))
else await main()
