// The pool's worker entry: one job = one engine run. Progress and cancellation go through the job's shared
// control block; the result (plain data) is the task's return value, its timeline columns typed arrays that
// JobPool.run encodes (engine/simulated-run.ts).
import { simulate, type SimulatedRun } from '../../engine/run-model'
import { JobControl } from './job-control'
import type { JobTask } from './job-task'

/** Progress is written every this many events: cheap for the engine, fine-grained for a 5/s display. */
const PROGRESS_EVERY_EVENTS = 20_000

export default function runJob(task: JobTask): SimulatedRun {
  const control = new JobControl(task.control)
  return simulate(task.profile, task.variant, task.seed, {
    checkInvariants: task.profile.run.checkInvariants,
    progressEveryEvents: PROGRESS_EVERY_EVENTS,
    onProgress: (p) => control.report(p),
    shouldCancel: () => control.cancelled,
    timelineCapRecords: task.timelineCapRecords,
    timelineWindowNs: task.timelineWindowNs
  })
}
