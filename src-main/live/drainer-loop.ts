// One drain source of the profile as its own requesting task, a worker pinned to the source's housekeeping
// CPU — as reclaim, compaction or CMA allocation run in whichever task needed the memory. Requests arrive
// as the source's Poisson process (or once, at atMs). While a workqueue drain it started waits in
// flush_work(), later requests still arrive: a global one finds pcpu_drain_mutex held and is skipped, a zone
// one waits in line (model.md §4). What is still in flight or waiting when the run stops is stalled.
import { RandomStream } from '../engine/sim/random-stream'
import { pollDrain, stalledDrain, startDrain, type DrainInFlight, type DrainMode } from './drain-all-pages'
import type { Clock } from './live-clock'
import { DRAIN_REMAINING, type LiveState } from './live-state'
import type { DrainSourceSpec, WorkerReport } from './worker-protocol'

/** The requester's sleep between looks at its drain and the clock: a stop is seen within it. */
const POLL_MS = 1

export function runDrainer(s: LiveState, source: DrainSourceSpec, streamName: string, seed: number, mode: DrainMode, now: Clock, report: WorkerReport): void {
  const arrivals = new RandomStream(seed, streamName)
  const t0 = now()
  const nextAfter = (t: number) => (source.ratePerSec > 0 ? t + arrivals.exponential(1e9 / source.ratePerSec) : Infinity)
  let nextArrival = source.atNs !== null ? t0 + source.atNs : nextAfter(t0)
  let inFlight: DrainInFlight | null = null
  /** zone and forced requests waiting for the mutex: their request times, oldest first */
  const waiting: number[] = []
  const record = (d: WorkerReport['drains'][number]) => report.drains.push(d)

  while (!s.stopped()) {
    if (inFlight !== null) {
      const done = pollDrain(s, inFlight, now)
      if (done !== null) {
        record({ ...done, source: source.kind })
        inFlight = null
      }
    }
    const t = now()
    if (t >= nextArrival) {
      waiting.push(nextArrival)
      report.operations++
      nextArrival = source.atNs !== null ? Infinity : nextAfter(nextArrival)
    }
    while (waiting.length > 0 && inFlight === null) {
      const start = startDrain(s, source.scope, mode, waiting[0], now)
      if ('mutexBusy' in start) break
      waiting.shift()
      if ('done' in start) record({ ...start.done, source: source.kind })
      else inFlight = start.inFlight
    }
    // a global request arriving while this source's own drain is in flight finds the mutex held
    while (inFlight !== null && source.scope === 'global' && waiting.length > 0) {
      const start = startDrain(s, source.scope, mode, waiting.shift()!, now)
      if ('done' in start) record({ ...start.done, source: source.kind })
    }
    const sleepMs = Math.min(POLL_MS, (nextArrival - now()) / 1e6)
    if (sleepMs > 0) Atomics.wait(s.words, DRAIN_REMAINING, Atomics.load(s.words, DRAIN_REMAINING), sleepMs)
  }
  const end = now()
  if (inFlight !== null) record({ ...stalledDrain(s, inFlight, now), source: source.kind })
  for (const requestNs of waiting) {
    record({ outcome: 'stalled', requestNs, durationNs: end - requestNs, mutexWaitNs: end - requestNs, targets: 0, perTargetNs: [], pages: 0, workNs: 0, source: source.kind })
  }
}
