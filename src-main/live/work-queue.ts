// The workqueue drain's work item, drain_local_pages_wq, as a flag in shared memory per CPU. queue_work_on()
// sets it and wakes the CPU's worker if it sleeps on it; the CPU's worker runs it only where the CPU's kworker
// could run: a housekeeping worker between bursts, an isolated CPU's worker while its periodic task sleeps
// between jobs — never inside a polling loop (anti-starvation policy `none`: no throttling window, no fair
// server, no stalld). flush_work() is the drainer waiting for DRAIN_REMAINING to reach 0.
import { cpuBase, DRAIN_PAGES, DRAIN_REMAINING, WORK_PENDING, type LiveState } from './live-state'
import { drainPagesZone } from './drain-pages-zone'

export function queueWorkOn(s: LiveState, cpu: number): void {
  Atomics.add(s.words, DRAIN_REMAINING, 1)
  Atomics.store(s.words, cpuBase(cpu) + WORK_PENDING, 1)
  Atomics.notify(s.words, cpuBase(cpu) + WORK_PENDING)
}

function workPending(s: LiveState, cpu: number): boolean {
  return s.field(cpu, WORK_PENDING) === 1
}

/**
 * The kworker's turn: runs this CPU's queued drain_local_pages_wq, if any. Returns the pages it freed, or -1
 * when nothing was queued. A work item cut short by the run's end stays pending (the drain is stalled).
 */
export function runPendingWork(s: LiveState, cpu: number): number {
  if (!workPending(s, cpu)) return -1
  const { pages, complete } = drainPagesZone(s, cpu, Infinity)
  Atomics.add(s.words, DRAIN_PAGES, pages)
  if (!complete) return pages
  Atomics.store(s.words, cpuBase(cpu) + WORK_PENDING, 0)
  Atomics.sub(s.words, DRAIN_REMAINING, 1)
  Atomics.notify(s.words, DRAIN_REMAINING)
  return pages
}

/** A kworker's idle sleep: until work is queued on this CPU or `timeoutMs` passes. */
export function sleepForWork(s: LiveState, cpu: number, timeoutMs: number): void {
  if (timeoutMs > 0) Atomics.wait(s.words, cpuBase(cpu) + WORK_PENDING, 0, timeoutMs)
}
