// A polling SCHED_FIFO task on its isolated CPU: it never sleeps. Work items arrive every period; the loop
// spins, takes each item as soon as it sees it, and runs it (latency = start − arrival). Only the
// anti-starvation policy takes the CPU from it (starvation-window.ts): for a throttle or a boost slot the loop
// steps aside and the CPU's kworker runs its queued drain work item, then the loop resumes and takes the items
// that arrived meanwhile, late. Under policy `none` nothing ever does, so the loop never looks at the CPU's
// queued work item: a `workqueue` drain that targets this CPU stays pending until the run stops (model.md §8.1).
// It reads the run's stop flag on every iteration.
import type { RtTask } from '../../src-shared/profile/schema'
import { RandomStream } from '../engine/sim/random-stream'
import { RuntimeSampler } from '../engine/workload/runtime-sampler'
import type { Clock } from './live-clock'
import { WORK_PENDING, type LiveState } from './live-state'
import type { OwnerFastPath } from './owner-fast-path'
import { recordRtJob, runRtJob } from './rt-job'
import { starvationWindows, type LiveStarvationParams, type StarvationWindow } from './starvation-window'
import { runPendingWork, sleepForWork } from './work-queue'
import type { TaskSamples, WorkerReport } from './worker-protocol'

/** The longest single sleep in a throttle window, so a stop is seen within it. */
const MAX_SLEEP_MS = 20

export function runPollingTask(s: LiveState, cpu: number, task: RtTask, starvation: LiveStarvationParams, seed: number, fast: OwnerFastPath, now: Clock, report: WorkerReport): TaskSamples {
  const samples: TaskSamples = { releaseNs: [], latencyNs: [], responseNs: [], missed: [] }
  const runtime = new RuntimeSampler(task.runtimeUs, new RandomStream(seed, `live-rt-${cpu}`))
  const periodNs = Math.round(task.periodUs * 1000)
  const deadlineNs = Math.round((task.deadlineUs ?? task.periodUs) * 1000)
  const stopped = () => s.stopped()
  const startNs = now()
  const windows = starvationWindows(starvation, startNs)
  let arrival = startNs + periodNs
  while (!stopped()) {
    const start = now()
    const window = windows?.due(start, s.field(cpu, WORK_PENDING) === 1) ?? null
    if (window !== null) {
      stepAside(s, cpu, window, now, report)
      windows!.ended(now())
      continue
    }
    if (start < arrival) continue
    const finish = runRtJob(fast, task.allocsPerJob, start, runtime.sampleNs(), now, stopped)
    // a job the run's end cut short is not a job: it would record a response shorter than its runtime
    if (stopped()) break
    const missed = recordRtJob(samples, arrival, start, finish, deadlineNs)
    report.operations++
    arrival += periodNs
    if (missed && task.missPolicy === 'skip-next') arrival += periodNs
  }
  return samples
}

/**
 * The FIFO task off the CPU for `window`: its kworker runs the queued work item — under a throttle also any
 * queued later, until the period timer lifts it; a boost slot ends with its work item. The whole window is
 * interference for the polling task, which wants the CPU throughout.
 */
function stepAside(s: LiveState, cpu: number, window: StarvationWindow, now: Clock, report: WorkerReport): void {
  const from = now()
  while (!s.stopped()) {
    const w0 = now()
    const ran = runPendingWork(s, cpu) >= 0
    if (ran) {
      report.workItems++
      report.workNs.push(now() - w0)
    }
    if (window.kind === 'boost') break
    const t = now()
    if (t >= window.untilNs) break
    if (!ran) sleepForWork(s, cpu, Math.min(MAX_SLEEP_MS, (window.untilNs - t) / 1e6))
  }
  report.starvationWindows++
  if (window.kind === 'throttle') report.throttledNs += now() - from
  else report.boostedNs += now() - from
}
