// One CPU of the profile (or one drain source's requesting task) as a worker thread. It reports its kernel
// thread id (so the runner can pin it with taskset and, where asked and permitted, make it SCHED_FIFO with
// chrt), waits for the start, runs its loop — housekeeping, a realtime task, an idle isolated CPU's kworker,
// or a drain source — until the stop flag, and posts its report.
import { readlinkSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { clockFrom } from './live-clock'
import { LiveState, STARTED } from './live-state'
import { newOwnerCounters, OwnerFastPath } from './owner-fast-path'
import { runDrainer } from './drainer-loop'
import { runHousekeeping } from './housekeeping-loop'
import { runPeriodicTask } from './rt-periodic-loop'
import { runPollingTask } from './rt-polling-loop'
import { runPendingWork, sleepForWork } from './work-queue'
import type { WorkerMessage, WorkerReport, WorkerSpec } from './worker-protocol'

const IDLE_SLEEP_MS = 20
const START_POLL_MS = 20

/** /proc/thread-self is a link to "PID/task/TID" (Linux 3.17+). */
function threadId(): { tid: number | null; tidError?: string } {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(tid) && tid > 0 ? { tid } : { tid: null, tidError: 'unexpected /proc/thread-self link' }
  } catch (e) {
    return { tid: null, tidError: `no /proc/thread-self (${(e as Error).message})` }
  }
}

function run(spec: WorkerSpec): WorkerReport {
  const s = new LiveState(spec.buffer, spec.layout)
  const now = clockFrom(BigInt(spec.epochNs))
  const report: WorkerReport = { index: spec.index, cpu: spec.cpu, owner: newOwnerCounters(), fastPathNsPerPage: [], drains: [], workItems: 0, workNs: [], workPastReleaseNs: 0, starvationWindows: 0, throttledNs: 0, boostedNs: 0, task: null, operations: 0 }
  while (Atomics.load(s.words, STARTED) === 0 && !s.stopped()) Atomics.wait(s.words, STARTED, 0, START_POLL_MS)
  const fast = new OwnerFastPath(s, spec.cpu, spec.trylock)
  const role = spec.role
  if (role.kind === 'housekeeping') runHousekeeping(s, spec.cpu, role, spec.seed, fast, now, report)
  else if (role.kind === 'drainer') runDrainer(s, role.source, `live-drain-${role.index}`, spec.seed, spec.mode, now, report)
  else if (role.kind === 'rt') {
    report.task = role.task.mode === 'periodic'
      ? runPeriodicTask(s, spec.cpu, role.task, spec.seed, fast, now, report)
      : runPollingTask(s, spec.cpu, role.task, role.starvation, spec.seed, fast, now, report)
  } else {
    while (!s.stopped()) {
      const w0 = now()
      if (runPendingWork(s, spec.cpu) >= 0) {
        report.workItems++
        report.workNs.push(now() - w0)
      } else sleepForWork(s, spec.cpu, IDLE_SLEEP_MS)
    }
  }
  report.owner = fast.counters
  return report
}

const spec = workerData as WorkerSpec
const post = (m: WorkerMessage) => parentPort?.postMessage(m)
post({ kind: 'ready', index: spec.index, ...threadId() })
try {
  post({ kind: 'done', report: run(spec) })
} catch (e) {
  post({ kind: 'failed', index: spec.index, error: e instanceof Error ? e.message : String(e) })
}
