// A periodic SCHED_FIFO task on its isolated CPU: sleep to the next release, wake, run the job, check the
// deadline. The sleep is Atomics.wait on the CPU's work-item word with a timeout to the release, so while
// the task sleeps the CPU's kworker runs a queued drain_local_pages_wq (model.md §3: the kworker gets the CPU
// while the FIFO task sleeps) — and a work item still running at the release delays the wakeup, for real.
// Wakeup latency = the first instant the task runs − its release, on the monotonic clock.
import type { RtTask } from '../../src-shared/profile/schema'
import { RandomStream } from '../engine/sim/random-stream'
import { RuntimeSampler } from '../engine/workload/runtime-sampler'
import type { Clock } from './live-clock'
import type { LiveState } from './live-state'
import type { OwnerFastPath } from './owner-fast-path'
import { recordRtJob, runRtJob } from './rt-job'
import { runPendingWork, sleepForWork } from './work-queue'
import type { TaskSamples, WorkerReport } from './worker-protocol'

/** The longest single sleep, so a stop is seen within it whatever the period. */
const MAX_SLEEP_MS = 20

export function runPeriodicTask(s: LiveState, cpu: number, task: RtTask, seed: number, fast: OwnerFastPath, now: Clock, report: WorkerReport): TaskSamples {
  const samples: TaskSamples = { releaseNs: [], latencyNs: [], responseNs: [], missed: [] }
  const runtime = new RuntimeSampler(task.runtimeUs, new RandomStream(seed, `live-rt-${cpu}`))
  const periodNs = Math.round(task.periodUs * 1000)
  const deadlineNs = Math.round((task.deadlineUs ?? task.periodUs) * 1000)
  const stopped = () => s.stopped()
  let release = now() + periodNs
  while (!stopped()) {
    // between jobs: the kworker's turn, then sleep to the release
    for (let t = now(); t < release && !stopped(); t = now()) {
      const w0 = now()
      if (runPendingWork(s, cpu) >= 0) {
        const w1 = now()
        report.workItems++
        report.workNs.push(w1 - w0)
        report.workPastReleaseNs += Math.max(0, w1 - Math.max(w0, release))
      } else sleepForWork(s, cpu, Math.min(MAX_SLEEP_MS, (release - t) / 1e6))
    }
    if (stopped()) break
    const start = now()
    const finish = runRtJob(fast, task.allocsPerJob, start, runtime.sampleNs(), now, stopped)
    // a job the run's end cut short is not a job: it would record a response shorter than its runtime
    if (stopped()) break
    const missed = recordRtJob(samples, release, start, finish, deadlineNs)
    report.operations++
    release += periodNs
    // skip-next: a missed job gives up the next release (model.md §5)
    if (missed && task.missPolicy === 'skip-next') release += periodNs
  }
  return samples
}
