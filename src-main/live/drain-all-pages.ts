// __drain_all_pages(), run by the requesting task (drainer-loop.ts). pcpu_drain_mutex serialises drains:
// a global request that finds it held returns at once (skipped); a zone or forced request waits for it.
// Targets are the CPUs with pages on their lists (cpus_with_pcps), or every CPU when forced. `direct` family:
// drain_pages_zone() of each target from the requester, under the target's pcp->lock — done before
// startDrain returns. `workqueue`: queue_work_on() each target, then flush_work(): the drain is in flight,
// holding the mutex, until every target's worker has run its item (pollDrain), which under policy none a
// polling CPU never does.
import type { Clock } from './live-clock'
import { DRAIN_MUTEX, DRAIN_PAGES, DRAIN_REMAINING, PCP_COUNT, type LiveState } from './live-state'
import { drainPagesZone } from './drain-pages-zone'
import { spinTrylock, spinUnlock } from './spinlock'
import { queueWorkOn } from './work-queue'

export type DrainScope = 'global' | 'zone' | 'forced'

export interface DrainRecord {
  outcome: 'completed' | 'skipped' | 'stalled'
  requestNs: number
  /** request → completion (completed), or → the run's end (stalled) */
  durationNs: number
  mutexWaitNs: number
  targets: number
  /** drain start → each target's list drained */
  perTargetNs: number[]
  pages: number
  /** the requester's own page-moving time (direct); a workqueue drain's work is its targets' (workNs of their reports) */
  workNs: number
}

export interface DrainMode {
  kind: 'workqueue' | 'direct'
  /** pages per pcp->lock hold: Infinity, or drainChunkPages() for direct-chunked */
  chunk: number
}

/** A workqueue drain waiting in flush_work(): it holds pcpu_drain_mutex. */
export interface DrainInFlight {
  record: DrainRecord
  startNs: number
  remaining: number
}

export type DrainStart = { done: DrainRecord } | { inFlight: DrainInFlight } | { mutexBusy: true }

/** Tries to start a drain requested at `requestNs`; a zone or forced request that finds the mutex held gets mutexBusy and asks again later. */
export function startDrain(s: LiveState, scope: DrainScope, mode: DrainMode, requestNs: number, now: Clock): DrainStart {
  const record: DrainRecord = { outcome: 'completed', requestNs, durationNs: 0, mutexWaitNs: 0, targets: 0, perTargetNs: [], pages: 0, workNs: 0 }
  if (!spinTrylock(s.words, DRAIN_MUTEX)) return scope === 'global' ? { done: { ...record, outcome: 'skipped' } } : { mutexBusy: true }
  const startNs = now()
  record.mutexWaitNs = startNs - requestNs
  const targets = Array.from({ length: s.layout.cpus }, (_, cpu) => cpu).filter((cpu) => scope === 'forced' || s.field(cpu, PCP_COUNT) > 0)
  record.targets = targets.length
  if (mode.kind === 'workqueue') {
    Atomics.store(s.words, DRAIN_PAGES, 0)
    for (const cpu of targets) queueWorkOn(s, cpu)
    return { inFlight: { record, startNs, remaining: targets.length } }
  }
  try {
    for (const cpu of targets) {
      const t0 = now()
      const { pages, complete } = drainPagesZone(s, cpu, mode.chunk)
      const t1 = now()
      record.pages += pages
      record.workNs += t1 - t0
      if (!complete) return { done: { ...record, outcome: 'stalled', durationNs: t1 - requestNs } }
      record.perTargetNs.push(t1 - startNs)
    }
    return { done: { ...record, durationNs: now() - requestNs } }
  } finally {
    spinUnlock(s.words, DRAIN_MUTEX)
  }
}

/** flush_work()'s check: the finished record once every target ran its item (the mutex released), else null. */
export function pollDrain(s: LiveState, d: DrainInFlight, now: Clock): DrainRecord | null {
  const remaining = Atomics.load(s.words, DRAIN_REMAINING)
  for (; d.remaining > remaining; d.remaining--) d.record.perTargetNs.push(now() - d.startNs)
  if (remaining > 0) return null
  spinUnlock(s.words, DRAIN_MUTEX)
  return { ...d.record, pages: Atomics.load(s.words, DRAIN_PAGES), durationNs: now() - d.record.requestNs }
}

/** The run stopped with the drain still waiting for its work items: pending at the end (model.md §6, stalled). */
export function stalledDrain(s: LiveState, d: DrainInFlight, now: Clock): DrainRecord {
  return { ...d.record, outcome: 'stalled', pages: Atomics.load(s.words, DRAIN_PAGES), durationNs: now() - d.record.requestNs }
}
