// A run timeline (RunTimeline, docs/timeline.md) laid out for drawing: one lane per CPU, housekeeping CPUs
// first, then isolated; in each lane the segments of each layer sorted by start, and the instants. The
// canvas finds what is visible by binary search instead of walking every record.
import type { RunTimeline } from '@shared/results/types'
import { decodeTimeline } from '@shared/results/timeline-columns'
import { TIMELINE_KINDS, type TimelineKind, type TimelineLayer } from '@shared/results/timeline-kinds'
import { kindRank } from './timeline-colors'

/** Records of one layer of a lane, sorted by start. */
export interface LaneRecords {
  start: Float64Array
  end: Float64Array
  kind: Uint8Array
  drain: Uint32Array
  /** the longest record: one starting this long before a view's start may still reach into it */
  maxDurationNs: number
  /** the indices of the records of rank 2, then of rank 1 (kindRank): what a zoomed-out pixel looks for */
  ranked: [Uint32Array, Uint32Array]
}

export interface TimelineLane {
  cpu: number
  role: 'isolated' | 'housekeeping'
  /** which run of a stack of runs on one time axis the lane is of (timeline-stack.ts): 0 for the first, or alone */
  stack: number
  /** that run's name in the group headers, '' for a run shown alone */
  runName: string
  layers: Record<TimelineLayer, LaneRecords>
}

export interface LaidOutTimeline {
  lanes: TimelineLane[]
  /** the kind of each index the records use */
  kinds: TimelineKind[]
  /** the end of the last record */
  endNs: number
  windows: RunTimeline['windows']
}

export const LAYERS: readonly TimelineLayer[] = ['cpu', 'pcp-lock', 'owner', 'caller', 'instant']

export function layOutTimeline(t: RunTimeline): LaidOutTimeline {
  const c = decodeTimeline(t)
  const kinds = t.kinds.map((name): TimelineKind => TIMELINE_KINDS.find((k) => k.name === name) ?? { name, layer: 'cpu', label: name, source: null })
  const roles = [...t.cpus].sort((a, b) => (a.role === b.role ? a.cpu - b.cpu : a.role === 'housekeeping' ? -1 : 1))
  const laneOf = new Map(roles.map((r, i) => [r.cpu, i]))
  // indices of each lane's records per layer, then each sorted by start
  const picks = roles.map(() => Object.fromEntries(LAYERS.map((l) => [l, [] as number[]])) as Record<TimelineLayer, number[]>)
  let endNs = 0
  for (let i = 0; i < t.count; i++) {
    const lane = laneOf.get(c.cpu[i])
    if (lane === undefined) continue
    picks[lane][kinds[c.kind[i]].layer].push(i)
    endNs = Math.max(endNs, c.startNs[i] + c.durationNs[i])
  }
  const lanes = roles.map((r, lane): TimelineLane => ({
    cpu: r.cpu,
    role: r.role,
    stack: 0,
    runName: '',
    layers: Object.fromEntries(LAYERS.map((layer) => [layer, records(picks[lane][layer], c, kinds)])) as Record<TimelineLayer, LaneRecords>
  }))
  return { lanes, kinds, endNs, windows: t.windows }
}

function records(indices: number[], c: ReturnType<typeof decodeTimeline>, kinds: readonly TimelineKind[]): LaneRecords {
  indices.sort((a, b) => c.startNs[a] - c.startNs[b])
  const n = indices.length
  const rank = indices.map((i) => kindRank(kinds[c.kind[i]]))
  const ranked = (r: number) => Uint32Array.from(rank.flatMap((x, k) => (x === r ? [k] : [])))
  const out: LaneRecords = { start: new Float64Array(n), end: new Float64Array(n), kind: new Uint8Array(n), drain: new Uint32Array(n), maxDurationNs: 0, ranked: [ranked(2), ranked(1)] }
  indices.forEach((i, k) => {
    out.start[k] = c.startNs[i]
    out.end[k] = c.startNs[i] + c.durationNs[i]
    out.kind[k] = c.kind[i]
    out.drain[k] = c.drain[i]
    out.maxDurationNs = Math.max(out.maxDurationNs, c.durationNs[i])
  })
  return out
}

/** The times of every instant of kind `name` on any CPU, ascending: what "next / previous miss" steps through. */
export function instantTimes(t: LaidOutTimeline, name: string): number[] {
  const kind = t.kinds.findIndex((k) => k.name === name)
  const out: number[] = []
  for (const lane of t.lanes) {
    const r = lane.layers.instant
    for (let i = 0; i < r.kind.length; i++) if (r.kind[i] === kind) out.push(r.start[i])
  }
  return out.sort((a, b) => a - b)
}

/** The first of ascending `times` after `ns` (forward) or the last before it, or null. */
export function stepTo(times: readonly number[], ns: number, forward: boolean): number | null {
  if (forward) return times.find((x) => x > ns) ?? null
  for (let i = times.length - 1; i >= 0; i--) if (times[i] < ns) return times[i]
  return null
}

/** The first record that may reach into [fromNs, …): binary search on start, backed off by the longest record. */
export function firstVisible(r: LaneRecords, fromNs: number): number {
  return firstStartingAt(r, fromNs - r.maxDurationNs, 0)
}

/** The first record of `r` from index `lo` on that starts at or after `ns`. */
export function firstStartingAt(r: LaneRecords, ns: number, lo: number): number {
  let hi = r.start.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (r.start[mid] < ns) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The kind of the highest-ranked record (rank 1 or 2) overlapping [fromNs, untilNs), or -1. */
export function rankedKindIn(r: LaneRecords, fromNs: number, untilNs: number): number {
  for (const list of r.ranked) {
    // the first of the list starting at or after fromNs, and the one before it, which may reach into the span
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (r.start[list[mid]] < fromNs) lo = mid + 1
      else hi = mid
    }
    if (lo > 0 && r.end[list[lo - 1]] > fromNs) return r.kind[list[lo - 1]]
    if (lo < list.length && r.start[list[lo]] < untilNs) return r.kind[list[lo]]
  }
  return -1
}

/** The record of `r` under time `atNs` (an instant within `slopNs` of it), or -1. */
export function recordAt(r: LaneRecords, atNs: number, slopNs: number): number {
  let best = -1
  for (let i = firstVisible(r, atNs - slopNs); i < r.start.length && r.start[i] <= atNs + slopNs; i++) {
    const instant = r.start[i] === r.end[i]
    const hit = instant ? Math.abs(r.start[i] - atNs) <= slopNs : r.start[i] <= atNs && atNs < r.end[i]
    if (hit) best = i
  }
  return best
}
