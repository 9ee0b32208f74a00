// What a simulation returns before its timeline is encoded: a RunResult whose timeline columns are still
// typed arrays (metrics/timeline-encode.ts). runModel() encodes it at once; a pool worker moves the arrays to
// the lab, which encodes them there (lab/pool/job-pool.ts) — the same RunResult either way.
import type { RunResult } from '../../src-shared/results/types'
import { encodeRunTimeline, timelineBuffers, type RunTimelineArrays } from './metrics/timeline-encode'

export type SimulatedRun = Omit<RunResult, 'timeline'> & { timeline?: RunTimelineArrays }

/** The RunResult of `run`: its fields in the same order, the timeline's columns base64. */
export function encodeRunResult(run: SimulatedRun): RunResult {
  return run.timeline === undefined ? (run as RunResult) : { ...run, timeline: encodeRunTimeline(run.timeline) }
}

/** The buffers a worker moves to the lab with `run` rather than copy. */
export function transferableBuffers(run: SimulatedRun): ArrayBuffer[] {
  return run.timeline === undefined ? [] : timelineBuffers(run.timeline)
}
