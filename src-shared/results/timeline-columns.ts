// RunTimeline's record columns (base64 of little-endian typed arrays, types.ts) as typed arrays: what
// the exports and the timeline view read (the engine writes them: engine/metrics/timeline-encode.ts).
import { base64ToBytes } from '../base64-bytes'
import type { RunTimeline } from './types'

export interface TimelineColumnArrays {
  cpu: Uint16Array
  kind: Uint8Array
  startNs: Float64Array
  durationNs: Float64Array
  drain: Uint32Array
}

/** Bytes per value of each column. */
export const TIMELINE_COLUMN_BYTES: ReadonlyArray<readonly [keyof RunTimeline['columns'], number]> = [
  ['cpu', 2], ['kind', 1], ['startNs', 8], ['durationNs', 8], ['drain', 4]
]

export function decodeTimeline(t: RunTimeline): TimelineColumnArrays {
  const c = t.columns
  const bytes = (text: string) => base64ToBytes(text).buffer
  return {
    cpu: new Uint16Array(bytes(c.cpu), 0, t.count),
    kind: new Uint8Array(bytes(c.kind), 0, t.count),
    startNs: new Float64Array(bytes(c.startNs), 0, t.count),
    durationNs: new Float64Array(bytes(c.durationNs), 0, t.count),
    drain: new Uint32Array(bytes(c.drain), 0, t.count)
  }
}
