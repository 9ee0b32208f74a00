// A live run whose pinning or SCHED_FIFO the host refuses says so in its results and goes on. The refusals
// here are real: the kernel refuses to pin a worker onto a CPU it does not have (taskset → sched_setaffinity
// EINVAL), and chrt refuses SCHED_FIFO at priority 0. Only the host's CPU list is made up (hostCpus: a host that
// claims CPU 4095), so the mapping sends the isolated profile CPU there. EPERM itself (chrt without
// CAP_SYS_NICE) cannot be had as root; it takes the same path (pin-thread.ts records the tool's error).
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { readHostCpus } from '../../src-main/live/host-cpus'
import { pinThread } from '../../src-main/live/pin-thread'
import { runLiveJob } from '../../src-main/live/run-live'
import { liveRefusals } from '../../src-shared/results/live-refusals'
import { pollingProfile } from '../support/live-profile'
import { canPin, whyNoPinning } from '../support/pinning-tools'

const usable = canPin
const why = whyNoPinning

const workers: Worker[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()))
})

/** A plain worker thread that posts its tid and sleeps until terminated. */
async function sleeperTid(): Promise<number> {
  const w = new Worker(`
const { parentPort, workerData } = require('node:worker_threads')
parentPort.postMessage(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()))
Atomics.wait(new Int32Array(workerData), 0, 0, 10000)`, { eval: true, workerData: new SharedArrayBuffer(4) })
  workers.push(w)
  return new Promise((resolve) => w.once('message', resolve))
}

describe.runIf(usable)(`refused pinning and SCHED_FIFO are reported${why}`, () => {
  it('a live run whose isolated CPU\'s worker cannot be pinned completes, records it not pinned with taskset\'s error, and counts every token back', async () => {
    const real = await readHostCpus()
    const profile = pollingProfile(200)
    const r = await runLiveJob({ profile, variant: 'direct', seed: 1, hostCpus: { ...real, onlineCpus: [0, 4095], isolatedCpus: [] } })
    expect(r.partial).toBe(false)
    const [hk, rt] = r.live!.cpus
    expect(hk).toMatchObject({ cpu: 0, hostCpu: 0, pinned: true })
    expect(rt).toMatchObject({ cpu: 1, role: 'rt', hostCpu: 4095, pinned: false })
    expect(rt.pinError).toMatch(/^taskset: failed to set pid \d+'s affinity: Invalid argument/)
    expect(r.live!.tokens).toMatchObject({ lost: 0, duplicated: 0, misplaced: 0 })
    expect(liveRefusals(r.live!)).toEqual([`CPU 1 (rt) not pinned to host CPU 4095: ${rt.pinError}`])
  })

  it('with run.liveRequirePinning the same run fails before it starts, naming the refusal and the field', async () => {
    const real = await readHostCpus()
    const profile = pollingProfile(200, { run: { durationMs: 200, engine: 'live', liveRequirePinning: true } })
    await expect(runLiveJob({ profile, variant: 'direct', seed: 1, hostCpus: { ...real, onlineCpus: [0, 4095], isolatedCpus: [] } }))
      .rejects.toThrow(/run\.liveRequirePinning is set and the host refused: CPU 1's worker was not pinned to host CPU 4095: taskset: /)
  })

  it('SCHED_FIFO refused by chrt is recorded with chrt\'s error and the policy the thread kept', async () => {
    const tid = await sleeperTid()
    const outcome = await pinThread(tid, 0, 0, null)
    expect(outcome).toMatchObject({ pinned: true, fifoRequested: 0, policy: 'SCHED_OTHER' })
    expect(outcome.fifoError).toMatch(/^chrt: unsupported priority value/)
  })
})

describe.skipIf(usable)(`refused pinning and SCHED_FIFO${why}`, () => {
  it('is skipped here', () => undefined)
})
