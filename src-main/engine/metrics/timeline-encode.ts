// The run timeline's columns as the result stores them (RunTimeline.columns and drainPagesColumns: base64 of
// little-endian typed arrays, decoded by src-shared/results/timeline-columns.ts and drain-pages-columns.ts). Node's Buffer encodes a 200 000-record
// timeline in about a millisecond, where a JavaScript encoder took a few per cent of a heavy run.
import type { RunTimeline } from '../../../src-shared/results/types'
import type { DrainPagesArrays } from '../../../src-shared/results/drain-pages-columns'
import type { TimelineColumnArrays } from '../../../src-shared/results/timeline-columns'

const base64 = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')

export function encodeTimelineColumns(a: TimelineColumnArrays): RunTimeline['columns'] {
  return { cpu: base64(a.cpu), kind: base64(a.kind), startNs: base64(a.startNs), durationNs: base64(a.durationNs), drain: base64(a.drain) }
}

export function encodeDrainPages(a: DrainPagesArrays): NonNullable<RunTimeline['drainPagesColumns']> {
  return { count: a.call.length, call: base64(a.call), cpu: base64(a.cpu), pages: base64(a.pages) }
}
