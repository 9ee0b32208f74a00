// The run timeline's columns as the result stores them (RunTimeline.columns and drainPagesColumns: base64 of
// little-endian typed arrays, decoded by src-shared/results/timeline-columns.ts and drain-pages-columns.ts). Node's Buffer encodes a 200 000-record
// timeline in about a millisecond, where a JavaScript encoder took a few per cent of a heavy run.
// The engine hands the columns over as typed arrays (RunTimelineArrays): a pool worker moves their memory to the
// lab, which encodes them (lab/pool/job-pool.ts) — cloning a heavy run's 8.8 MB of base64 from the worker took
// ~0.1 s, and the worker encoded them first.
import type { RunTimeline } from '../../../src-shared/results/types'
import type { DrainPagesArrays } from '../../../src-shared/results/drain-pages-columns'
import type { TimelineColumnArrays } from '../../../src-shared/results/timeline-columns'

/** A RunTimeline with its record columns and drain pages as typed arrays, not yet base64. */
export type RunTimelineArrays = Omit<RunTimeline, 'columns' | 'drainPagesColumns' | 'drainPages'> & {
  columns: TimelineColumnArrays
  drainPagesColumns?: DrainPagesArrays
}

const base64 = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')

export function encodeTimelineColumns(a: TimelineColumnArrays): RunTimeline['columns'] {
  return { cpu: base64(a.cpu), kind: base64(a.kind), startNs: base64(a.startNs), durationNs: base64(a.durationNs), drain: base64(a.drain) }
}

export function encodeDrainPages(a: DrainPagesArrays): NonNullable<RunTimeline['drainPagesColumns']> {
  return { count: a.call.length, call: base64(a.call), cpu: base64(a.cpu), pages: base64(a.pages) }
}

/** The timeline as the result stores it, its fields in the same order. */
export function encodeRunTimeline(t: RunTimelineArrays): RunTimeline {
  const { drainPagesColumns: pages, ...rest } = t
  const columns = encodeTimelineColumns(t.columns)
  // spread, then each encoded field in its place: JSON writes an object's fields in the order they were first set
  return pages === undefined ? { ...rest, columns } : { ...t, columns, drainPagesColumns: encodeDrainPages(pages) }
}

/** The memory of the columns, each buffer once: a worker moves these to the lab rather than copy them. */
export function timelineBuffers(t: RunTimelineArrays): ArrayBuffer[] {
  const views: ArrayBufferView[] = [...Object.values(t.columns), ...(t.drainPagesColumns === undefined ? [] : Object.values(t.drainPagesColumns))]
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))]
}
