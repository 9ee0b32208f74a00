// What the timeline's side panel explains: a clicked segment (with the drain_all_pages() call it belongs to),
// or a deadline miss — clicked, or stepped to with "previous / next miss" — with its recorded breakdown.
import type { MissSample } from '@shared/results/types'
import { TIMELINE_KINDS, type TimelineKind, type TimelineLayer } from '@shared/results/timeline-kinds'
import { formatNs } from '@shared/units'
import type { TimelineMarker } from './draw-timeline'
import { kindColor } from './timeline-colors'
import type { LaidOutTimeline } from './timeline-lanes'

/** `stack`: which of the runs on the canvas (TimelineLane.stack) the record is of */
export type TimelineSelection =
  | { what: 'segment'; stack: number; cpu: number; kind: TimelineKind; startNs: number; durationNs: number; drain: number }
  /** `sample` null: a miss past the ones the run explains (docs/timeline.md) */
  | { what: 'miss'; stack: number; cpu: number; atNs: number; sample: MissSample | null }

/** Record `i` of layer `layer` of lane `lane`, as the panel explains it; `misses`: those its run explains. */
export function selectRecord(t: LaidOutTimeline, lane: number, layer: TimelineLayer, i: number, misses: readonly MissSample[]): TimelineSelection {
  const r = t.lanes[lane].layers[layer]
  const kind = t.kinds[r.kind[i]]
  const { cpu, stack } = t.lanes[lane]
  if (kind.name === 'deadline-miss') return { what: 'miss', stack, cpu, atNs: r.start[i], sample: missSampleAt(misses, cpu, r.start[i]) }
  return { what: 'segment', stack, cpu, kind, startNs: r.start[i], durationNs: r.end[i] - r.start[i], drain: r.drain[i] }
}

/** The deadline miss drawn at `atNs` (the first lane's, when several missed at once), or null; `missesOf(stack)`: those a run explains. */
export function selectMissAt(t: LaidOutTimeline, atNs: number, missesOf: (stack: number) => readonly MissSample[]): TimelineSelection | null {
  const missKind = t.kinds.findIndex((k) => k.name === 'deadline-miss')
  for (const lane of t.lanes) {
    const r = lane.layers.instant
    for (let i = 0; i < r.start.length; i++) {
      if (r.kind[i] === missKind && r.start[i] === atNs) return { what: 'miss', stack: lane.stack, cpu: lane.cpu, atNs, sample: missSampleAt(missesOf(lane.stack), lane.cpu, atNs) }
    }
  }
  return null
}

/** A miss is drawn at its deadline: release + deadline. */
function missSampleAt(misses: readonly MissSample[], cpu: number, atNs: number): MissSample | null {
  // within a ns: the instant and the sample round their times apart
  return misses.find((m) => m.cpu === cpu && Math.abs(m.releaseNs + m.deadlineNs - atNs) <= 1) ?? null
}

/** the deadline miss's colour on the timeline */
const MISS_COLOR = kindColor(TIMELINE_KINDS.find((k) => k.name === 'deadline-miss')!)

/** An explained miss on the canvas: lines at its job's release and finish, in the miss's colour. */
export function missLines(s: TimelineSelection | null): TimelineMarker[] {
  if (s?.what !== 'miss' || s.sample === null) return []
  const m = s.sample
  return [
    { ns: m.releaseNs, label: `release (${m.task}, CPU ${m.cpu})`, color: MISS_COLOR },
    { ns: m.releaseNs + m.valueNs, label: `finish +${formatNs(m.valueNs)}`, color: MISS_COLOR }
  ]
}
