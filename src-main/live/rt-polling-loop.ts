// A polling SCHED_FIFO task on its isolated CPU: it never sleeps. Work items arrive every period; the loop
// spins, takes each item as soon as it sees it, and runs it (latency = start − arrival). Under the
// anti-starvation policy `none` nothing else ever gets this CPU, so the loop never looks at the CPU's queued
// work item: a `workqueue` drain that targets this CPU stays pending until the run stops (model.md §8.1).
// It reads the run's stop flag on every iteration.
import type { RtTask } from '../../src-shared/profile/schema'
import { RandomStream } from '../engine/sim/random-stream'
import { RuntimeSampler } from '../engine/workload/runtime-sampler'
import type { Clock } from './live-clock'
import type { LiveState } from './live-state'
import type { OwnerFastPath } from './owner-fast-path'
import { recordRtJob, runRtJob } from './rt-job'
import type { TaskSamples, WorkerReport } from './worker-protocol'

export function runPollingTask(s: LiveState, cpu: number, task: RtTask, seed: number, fast: OwnerFastPath, now: Clock, report: WorkerReport): TaskSamples {
  const samples: TaskSamples = { releaseNs: [], latencyNs: [], responseNs: [], missed: [] }
  const runtime = new RuntimeSampler(task.runtimeUs, new RandomStream(seed, `live-rt-${cpu}`))
  const periodNs = Math.round(task.periodUs * 1000)
  const deadlineNs = Math.round((task.deadlineUs ?? task.periodUs) * 1000)
  const stopped = () => s.stopped()
  let arrival = now() + periodNs
  while (!stopped()) {
    const start = now()
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
