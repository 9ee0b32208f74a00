// The pool's worker entry: one job = one engine run. Progress and cancellation go through the job's shared
// control block; the result (plain data) is the task's return value, its timeline columns typed arrays whose
// memory moves to the lab rather than being copied (engine/simulated-run.ts; JobPool.run encodes them).
import { move, transferableSymbol, valueSymbol } from 'piscina'
import { simulate, transferableBuffers } from '../../engine/run-model'
import { epochMs, JobControl } from './job-control'
import type { JobTask } from './job-task'

/** Progress is written every this many events: cheap for the engine, fine-grained for a 5/s display. */
const PROGRESS_EVERY_EVENTS = 20_000

/** when this worker's code had loaded: its first job's timings tell the worker's start-up from the job's */
const loadedAt = epochMs()

export default function runJob(task: JobTask): ReturnType<typeof move> {
  const control = new JobControl(task.control)
  control.started(loadedAt)
  const run = simulate(task.profile, task.variant, task.seed, {
    checkInvariants: task.profile.run.checkInvariants,
    progressEveryEvents: PROGRESS_EVERY_EVENTS,
    onProgress: (p) => control.report(p),
    shouldCancel: () => control.cancelled,
    timelineCapRecords: task.timelineCapRecords,
    timelineWindowNs: task.timelineWindowNs
  })
  control.resultReady()
  return move({ [transferableSymbol]: transferableBuffers(run), [valueSymbol]: run })
}
