// __drain_all_pages(), run by the thread that raises the drain (as the kernel runs it in the requester's
// context). pcpu_drain_mutex serialises drains: a global request that finds it held returns at once
// (skipped); a zone or forced request waits for it. Targets are the CPUs with pages on their lists
// (cpus_with_pcps), or every CPU when forced. `workqueue`: queue_work_on() each target, then flush_work()
// — wait until every target's worker has run the item, running this CPU's own item meanwhile (its kworker
// gets the CPU while the requester sleeps). `direct` family: drain_pages_zone() of each target from here,
// under the target's pcp->lock.
import type { Clock } from './live-clock'
import { DRAIN_MUTEX, DRAIN_PAGES, DRAIN_REMAINING, PCP_COUNT, type LiveState } from './live-state'
import { drainPagesZone } from './drain-pages-zone'
import { spinLock, spinTrylock, spinUnlock } from './spinlock'
import { queueWorkOn, runPendingWork } from './work-queue'

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
  /** CPU time of the drain's own page moves on this thread (direct) or of the work items it saw finish (workqueue: not known here) */
  workNs: number
}

export interface DrainMode {
  kind: 'workqueue' | 'direct'
  /** pages per pcp->lock hold: Infinity, or drainChunkPages() for direct-chunked */
  chunk: number
}

/** flush_work()'s sleep between looks at DRAIN_REMAINING: short, so a stop is seen within it. */
const FLUSH_SLEEP_MS = 1

export function drainAllPages(s: LiveState, self: number, scope: DrainScope, mode: DrainMode, now: Clock): DrainRecord {
  const requestNs = now()
  const record: DrainRecord = { outcome: 'completed', requestNs, durationNs: 0, mutexWaitNs: 0, targets: 0, perTargetNs: [], pages: 0, workNs: 0 }
  if (!spinTrylock(s.words, DRAIN_MUTEX)) {
    if (scope === 'global') return { ...record, outcome: 'skipped' }
    if (!spinLock(s.words, DRAIN_MUTEX, () => s.stopped())) return { ...record, outcome: 'stalled', durationNs: now() - requestNs }
  }
  try {
    const startNs = now()
    record.mutexWaitNs = startNs - requestNs
    const targets = Array.from({ length: s.layout.cpus }, (_, cpu) => cpu).filter((cpu) => scope === 'forced' || s.field(cpu, PCP_COUNT) > 0)
    record.targets = targets.length
    const complete = mode.kind === 'workqueue' ? flushWork(s, self, targets, record, startNs, now) : drainDirect(s, targets, mode.chunk, record, startNs, now)
    record.outcome = complete ? 'completed' : 'stalled'
    record.durationNs = now() - requestNs
    return record
  } finally {
    spinUnlock(s.words, DRAIN_MUTEX)
  }
}

function drainDirect(s: LiveState, targets: number[], chunk: number, record: DrainRecord, startNs: number, now: Clock): boolean {
  for (const cpu of targets) {
    const t0 = now()
    const { pages, complete } = drainPagesZone(s, cpu, chunk)
    const t1 = now()
    record.pages += pages
    record.workNs += t1 - t0
    if (!complete) return false
    record.perTargetNs.push(t1 - startNs)
  }
  return true
}

function flushWork(s: LiveState, self: number, targets: number[], record: DrainRecord, startNs: number, now: Clock): boolean {
  Atomics.store(s.words, DRAIN_PAGES, 0)
  for (const cpu of targets) queueWorkOn(s, cpu)
  let remaining = Atomics.load(s.words, DRAIN_REMAINING)
  while (remaining > 0) {
    runPendingWork(s, self)
    if (s.stopped()) break
    Atomics.wait(s.words, DRAIN_REMAINING, remaining, FLUSH_SLEEP_MS)
    const next = Atomics.load(s.words, DRAIN_REMAINING)
    for (let done = remaining - next; done > 0; done--) record.perTargetNs.push(now() - startNs)
    remaining = next
  }
  record.pages = Atomics.load(s.words, DRAIN_PAGES)
  return Atomics.load(s.words, DRAIN_REMAINING) === 0
}
