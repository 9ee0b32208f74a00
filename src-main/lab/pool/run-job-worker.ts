// The pool's worker entry: one job = one engine run. Progress and cancellation go through the job's shared
// control block; the result (plain data) is the task's return value, its timeline columns typed arrays whose
// memory moves to the lab rather than being copied (engine/simulated-run.ts; JobPool.run encodes them).
import { move, transferableSymbol, valueSymbol } from 'piscina'
import { simulate, transferableBuffers, type RunModelProgress } from '../../engine/run-model'
import { epochMs, JobControl } from './job-control'
import type { JobTask } from './job-task'

/** Progress is written every this many events: cheap for the engine, fine-grained for a 5/s display. */
const PROGRESS_EVERY_EVENTS = 20_000

/** when this worker's code had loaded: its first job's timings tell the worker's start-up from the job's */
const loadedAt = epochMs()

/**
 * The job running now, and the engine's callbacks to it: the same two functions for every job, so that the
 * engine's run loop, compiled with them in a first job, does not deoptimise at the first call of a later job's
 * own closures ("wrong call target"; scripts/bench/compile-churn.ts counted one per job).
 */
let current: JobControl
const onProgress = (p: RunModelProgress): void => current.report(p)
const shouldCancel = (): boolean => current.cancelled

export default function runJob(task: JobTask): ReturnType<typeof move> {
  const control = new JobControl(task.control)
  current = control
  control.started(loadedAt)
  const run = simulate(task.profile, task.variant, task.seed, {
    checkInvariants: task.profile.run.checkInvariants,
    progressEveryEvents: PROGRESS_EVERY_EVENTS,
    onProgress,
    shouldCancel,
    timelineCapRecords: task.timelineCapRecords,
    timelineWindowNs: task.timelineWindowNs
  })
  control.resultReady()
  return move({ [transferableSymbol]: transferableBuffers(run), [valueSymbol]: run })
}
