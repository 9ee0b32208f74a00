// Pinning reports exactly what the kernel then says: a worker thread pinned with taskset has the
// Cpus_allowed_list the outcome records, as `taskset -p TID` prints it too; a refused pin (a CPU the host does
// not have) is reported as not pinned with taskset's error and the unchanged list. Linux with taskset and chrt
// only (this machine: root, both work); elsewhere skipped, saying why.
import { execFileSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { cpusAllowedOf, pinThread } from '../../src-main/live/pin-thread'
import { runLiveJob } from '../../src-main/live/run-live'
import { pollingProfile } from '../support/live-profile'
import { canPin, whyNoPinning } from '../support/pinning-tools'

const usable = canPin
const why = whyNoPinning

/** A plain worker that posts its tid and sleeps until told to end. */
const SLEEPER = `
const { parentPort, workerData } = require('node:worker_threads')
const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())
parentPort.postMessage(tid)
Atomics.wait(new Int32Array(workerData), 0, 0, 10000)
`
const workers: Worker[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()))
})

async function sleeper(): Promise<number> {
  const w = new Worker(SLEEPER, { eval: true, workerData: new SharedArrayBuffer(4) })
  workers.push(w)
  return new Promise((resolve) => w.once('message', resolve))
}

describe.runIf(usable)(`pinning${why}`, () => {
  it('records the Cpus_allowed_list the kernel reports, the same taskset -p prints', async () => {
    const tid = await sleeper()
    const outcome = await pinThread(tid, 1, null, null)
    expect(outcome).toMatchObject({ tid, hostCpu: 1, pinned: true, cpusAllowed: '1' })
    expect(execFileSync('taskset', ['-p', '-c', String(tid)], { encoding: 'utf8' })).toMatch(/current affinity list: 1\s*$/)
  })

  it('a pin the kernel refuses is reported as not pinned, with the list unchanged', async () => {
    const tid = await sleeper()
    const before = await cpusAllowedOf(tid)
    const outcome = await pinThread(tid, 4095, null, null)
    expect(outcome.pinned).toBe(false)
    expect(outcome.pinError).toMatch(/^taskset: /)
    expect(outcome.cpusAllowed).toBe(before)
  })

  it('a live run records each worker pinned to its host CPU, and SCHED_FIFO where asked (chrt -p read back)', async () => {
    const profile = pollingProfile(150, { run: { durationMs: 150, engine: 'live', liveFifo: true } })
    const r = await runLiveJob({ profile, variant: 'direct', seed: 1 })
    const [hk, rt] = r.live!.cpus
    expect(hk).toMatchObject({ cpu: 0, hostCpu: 0, pinned: true, cpusAllowed: '0', fifoRequested: null, policy: 'SCHED_OTHER' })
    expect(rt).toMatchObject({ cpu: 1, hostCpu: 1, pinned: true, cpusAllowed: '1', fifoRequested: 50 })
    // root may set SCHED_FIFO; a user without CAP_SYS_NICE gets chrt's EPERM recorded instead
    if (rt.fifoError === undefined) expect(rt.policy).toBe('SCHED_FIFO')
    else expect(rt.policy).toBe('SCHED_OTHER')
  })
})

describe.skipIf(usable)(`pinning${why}`, () => {
  it('is skipped here', () => undefined)
})
