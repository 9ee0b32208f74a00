// The live engine on this machine (issue 12): the lock round trip and the owner's fast path in one thread,
// drain time per page for `direct` versus `workqueue` with a periodic task on CPU 1, and the polling loop's
// observed noise (no drains) with and without SCHED_FIFO. A section of `npm run bench`; `npm run bench:live`
// runs it alone. Real threads on real CPUs: run it on a quiet machine, and read it with the host facts it prints.
import { profileSchema } from '../../src-shared/profile/rules'
import type { Profile, Variant } from '../../src-shared/profile/schema'
import type { DistributionNs, RunResult } from '../../src-shared/results/types'
import { LiveState, ZONE_LOCK } from '../../src-main/live/live-state'
import { OwnerFastPath } from '../../src-main/live/owner-fast-path'
import { runLiveJob } from '../../src-main/live/run-live'
import { spinTrylock, spinUnlock } from '../../src-main/live/spinlock'
import type { BenchSection } from './bench-section'

const ROUND_TRIPS = 2_000_000
const FAST_PATH_PAIRS = 500_000
const RUN_MS = 2000

function nsPer(n: number, body: () => void): number {
  const t0 = process.hrtime.bigint()
  body()
  return Number(process.hrtime.bigint() - t0) / n
}

function lockRoundTrip(): number {
  const words = new Int32Array(new SharedArrayBuffer(64))
  return nsPer(ROUND_TRIPS, () => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      spinTrylock(words, ZONE_LOCK)
      spinUnlock(words, ZONE_LOCK)
    }
  })
}

/** One page allocated and freed through the owner's fast path, as workqueue (lock) and the direct family (trylock) take it. */
function fastPathPair(trylock: boolean): number {
  const s = LiveState.create({ cpus: 1, tokens: 4096, pcpCapacity: 64 + 16, heldCapacity: 16 }, { high: 64, batch: 16 })
  const fast = new OwnerFastPath(s, 0, trylock)
  return nsPer(FAST_PATH_PAIRS, () => {
    for (let i = 0; i < FAST_PATH_PAIRS; i++) {
      fast.allocPage()
      fast.freePage()
    }
  })
}

function profile(extra: Record<string, unknown>): Profile {
  return profileSchema.parse({
    schemaVersion: 1,
    name: 'live bench',
    machine: { cpus: 2, isolated: '1', memoryGiB: 1 },
    kernel: { antiStarvation: { policy: 'none' } },
    housekeeping: { allocRatePagesPerSec: 20_000, freeRatePagesPerSec: 20_000 },
    run: { durationMs: RUN_MS, engine: 'live' },
    ...extra
  })
}

const fmt = (ns: number) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${Math.round(ns)} ns`)
const dist = (d: DistributionNs) => `${fmt(d.p50)} / ${fmt(d.p99)} / ${fmt(d.max)}`

async function drainPerPage(variant: Variant): Promise<RunResult> {
  // a periodic task holding 500 pages; zone drains from CPU 0 at 20/s refill nothing, so each later drain finds CPU 0's list only
  return runLiveJob({
    profile: profile({
      rtTasks: [{ name: 'cyclic', cpu: 1, mode: 'periodic', periodUs: 1000, runtimeUs: 100, allocsPerJob: 4, initialPcpPages: 500 }],
      drainSources: [{ kind: 'compaction', ratePerSec: 20, cpu: 0 }]
    }),
    variant, seed: 1
  })
}

async function pollingNoise(fifo: boolean): Promise<RunResult> {
  return runLiveJob({
    profile: profile({
      rtTasks: [{ name: 'poller', cpu: 1, mode: 'polling', periodUs: 100, runtimeUs: 10 }],
      run: { durationMs: RUN_MS, engine: 'live', liveFifo: fifo }
    }),
    variant: 'direct', seed: 1
  })
}

export async function runBench(): Promise<BenchSection> {
  const lock = lockRoundTrip()
  const pairLock = fastPathPair(false)
  const pairTry = fastPathPair(true)
  const drains = [await drainPerPage('direct'), await drainPerPage('workqueue')]
  const noise = [await pollingNoise(false), await pollingNoise(true)]
  const host = drains[0].live!.host
  const rows = drains.map((r) => {
    const d = r.drains
    const perPage = d.pagesFreed > 0 ? (d.durationNs.mean * d.completed) / d.pagesFreed : 0
    return `| ${r.variant} | ${d.completed} of ${d.requested} | ${d.pagesFreed} | ${dist(d.durationNs)} | ${fmt(perPage)} | ${dist(r.tasks[0].latencyNs)} |`
  })
  const noiseRows = noise.map((r) => {
    const rt = r.live!.cpus.find((c) => c.role === 'rt')!
    return `| ${rt.policy ?? '?'}${rt.fifoError ? ` (${rt.fifoError})` : ''} | ${r.tasks[0].activations} | ${dist(r.tasks[0].latencyNs)} | ${r.tasks[0].misses} |`
  })
  const markdown = [
    `Host: ${host.cpuModel}, ${host.cpuCount} CPUs, online ${host.online ?? '?'}, isolated ${host.isolated || 'none'}, nohz_full ${host.nohzFull ?? 'absent'}; ${drains[0].live!.mapping.note}; clock resolution ${drains[0].live!.clockResolutionNs} ns (smallest step of process.hrtime seen).`,
    '',
    '| one thread, no contention | ns |',
    '| --- | --- |',
    `| spin_trylock + spin_unlock round trip | ${lock.toFixed(1)} |`,
    `| owner alloc + free of one page, pcp->lock taken (workqueue) | ${pairLock.toFixed(1)} |`,
    `| owner alloc + free of one page, pcp->lock tried (direct family) | ${pairTry.toFixed(1)} |`,
    '',
    `Drains (${RUN_MS / 1000} s each): a periodic task on CPU 1 (1 ms, 100 µs, 4 allocations per job, 500 pages on its list at the start), compaction drains from CPU 0 at 20/s; drain time request → completion; per page = mean duration × completed ÷ pages freed.`,
    '',
    '| variant | completed | pages freed | drain p50 / p99 / max | per page | task wakeup latency p50 / p99 / max |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Polling loop noise (${RUN_MS / 1000} s, 100 µs period, 10 µs runtime, no drains): latency = start − arrival.`,
    '',
    '| policy of the polling thread | items | latency p50 / p99 / max | misses |',
    '| --- | --- | --- | --- |',
    ...noiseRows
  ].join('\n')
  return { title: 'Live engine (npm run bench:live)', markdown }
}
