// Where things are on the timeline canvas: the axis on top, a label column on the left, then per group
// (housekeeping, isolated; of each run, when runs are stacked) a header row and one lane per CPU; in a lane, a thin band on top for its
// pcp->lock held by a remote drainer, the CPU's own band (under it, tinted, a caller waiting for
// pcpu_drain_mutex), a thin band below for its owner's spin / fallback.
import type { TimelineLane } from './timeline-lanes'

export const AXIS_PX = 22
export const LABEL_PX = 118
export const HEADER_PX = 16
export const LANE_PX = 24
export const LOCK_BAND_PX = 5
export const OWNER_BAND_PX = 5

export interface LaneRow {
  lane: number
  top: number
}

export interface HeaderRow {
  title: string
  top: number
}

export interface TimelineRows {
  lanes: LaneRow[]
  headers: HeaderRow[]
  height: number
}

export function timelineRows(lanes: readonly TimelineLane[]): TimelineRows {
  const rows: TimelineRows = { lanes: [], headers: [], height: AXIS_PX }
  lanes.forEach((lane, i) => {
    if (i === 0 || lanes[i - 1].role !== lane.role || lanes[i - 1].stack !== lane.stack) {
      const group = lane.role === 'isolated' ? 'isolated CPUs' : 'housekeeping CPUs'
      rows.headers.push({ title: lane.runName === '' ? group : `${lane.runName} · ${group}`, top: rows.height })
      rows.height += HEADER_PX
    }
    rows.lanes.push({ lane: i, top: rows.height })
    rows.height += LANE_PX
  })
  return rows
}

/** The lane row at canvas y, or null. */
export function laneAtY(rows: TimelineRows, y: number): LaneRow | null {
  return rows.lanes.find((r) => y >= r.top && y < r.top + LANE_PX) ?? null
}

/** Which band of a lane canvas y falls in. */
export function bandAtY(row: LaneRow, y: number): 'pcp-lock' | 'cpu' | 'owner' {
  const dy = y - row.top
  if (dy < LOCK_BAND_PX) return 'pcp-lock'
  if (dy >= LANE_PX - OWNER_BAND_PX) return 'owner'
  return 'cpu'
}

/** The view [fromNs, toNs) across the plot width (the canvas width minus the label column). */
export interface TimelineView {
  fromNs: number
  toNs: number
}

export const xOfNs = (view: TimelineView, plotPx: number, ns: number) => LABEL_PX + ((ns - view.fromNs) / (view.toNs - view.fromNs)) * plotPx
export const nsOfX = (view: TimelineView, plotPx: number, x: number) => view.fromNs + ((x - LABEL_PX) / plotPx) * (view.toNs - view.fromNs)
