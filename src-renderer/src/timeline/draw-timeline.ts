// Draws a laid-out run timeline on a 2D canvas: no DOM per segment. Only what is in view is visited
// (binary search per lane and layer); where segments are narrower than a pixel, the pixel is painted once
// in the colour of what matters most in it (interference over the task's own time over the rest, found by
// binary search in the ranked lists) and the drawing jumps past it, so a zoomed-out frame costs per pixel,
// not per record.
import { AXIS_PX, HEADER_PX, LABEL_PX, LANE_PX, LOCK_BAND_PX, OWNER_BAND_PX, nsOfX, timelineRows, xOfNs, type TimelineView } from './timeline-geometry'
import { firstStartingAt, firstVisible, rankedKindIn, type LaidOutTimeline, type LaneRecords } from './timeline-lanes'
import { timeTicks } from './time-axis'

export interface TimelineTheme {
  text: string
  muted: string
  border: string
  isolated: string
  housekeeping: string
  accent: string
}

export interface TimelineMarker {
  ns: number
  label: string
  /** the line's and label's colour; the theme's accent when absent */
  color?: string
}

/** Draws `t` in `view` on a canvas of css size `width` × the rows' height; `colors[k]` is kind k's colour. */
export function drawTimeline(ctx: CanvasRenderingContext2D, t: LaidOutTimeline, view: TimelineView, width: number, colors: readonly string[], theme: TimelineTheme, markers: readonly TimelineMarker[]): void {
  const rows = timelineRows(t.lanes)
  const plot = Math.max(1, width - LABEL_PX)
  ctx.clearRect(0, 0, width, rows.height)
  ctx.font = '11px system-ui, sans-serif'
  ctx.textBaseline = 'middle'
  for (const h of rows.headers) {
    ctx.fillStyle = theme.muted
    ctx.fillText(h.title, 4, h.top + HEADER_PX / 2)
  }
  for (const row of rows.lanes) {
    const lane = t.lanes[row.lane]
    ctx.fillStyle = lane.role === 'isolated' ? theme.isolated : theme.housekeeping
    ctx.fillRect(LABEL_PX, row.top + 1, plot, LANE_PX - 2)
    ctx.fillStyle = theme.text
    ctx.fillText(`CPU ${lane.cpu}`, 12, row.top + LANE_PX / 2)
    ctx.save()
    ctx.beginPath()
    ctx.rect(LABEL_PX, row.top, plot, LANE_PX)
    ctx.clip()
    drawBand(ctx, lane.layers['pcp-lock'], view, plot, colors, row.top, LOCK_BAND_PX)
    // a caller sleeping on pcpu_drain_mutex is not what the CPU runs: a tint under the CPU's own band
    drawBand(ctx, lane.layers.caller, view, plot, colors, row.top + LOCK_BAND_PX, LANE_PX - LOCK_BAND_PX - OWNER_BAND_PX)
    drawBand(ctx, lane.layers.cpu, view, plot, colors, row.top + LOCK_BAND_PX, LANE_PX - LOCK_BAND_PX - OWNER_BAND_PX)
    drawBand(ctx, lane.layers.owner, view, plot, colors, row.top + LANE_PX - OWNER_BAND_PX, OWNER_BAND_PX)
    drawInstants(ctx, t, lane.layers.instant, view, plot, colors, row.top)
    ctx.restore()
  }
  drawAxis(ctx, view, plot, rows.height, theme)
  let labelEnd = -Infinity
  // left to right, so that a label is kept unless the one left of it reaches over it
  for (const m of [...markers].sort((p, q) => p.ns - q.ns)) {
    const x = xOfNs(view, plot, m.ns)
    if (x < LABEL_PX || x > width) continue
    ctx.fillStyle = m.color ?? theme.accent
    ctx.fillRect(Math.round(x), AXIS_PX, 1, rows.height - AXIS_PX)
    // markers closer than their labels are wide keep the first label
    const labelX = Math.min(x + 3, width - ctx.measureText(m.label).width - 2)
    if (labelX < labelEnd) continue
    ctx.fillText(m.label, labelX, AXIS_PX + HEADER_PX / 2)
    labelEnd = labelX + ctx.measureText(m.label).width + 6
  }
}

function drawBand(ctx: CanvasRenderingContext2D, r: LaneRecords, view: TimelineView, plot: number, colors: readonly string[], top: number, height: number): void {
  const paint = (kind: number, x: number, w: number) => {
    if (colors[kind] === 'transparent') return
    ctx.fillStyle = colors[kind]
    ctx.fillRect(x, top, w, height)
  }
  const xOf = (ns: number) => xOfNs(view, plot, Math.min(Math.max(ns, view.fromNs), view.toNs))
  let i = firstVisible(r, view.fromNs)
  while (i < r.start.length && r.start[i] < view.toNs) {
    if (r.end[i] <= view.fromNs) {
      i++
      continue
    }
    const x0 = xOf(r.start[i])
    const x1 = xOf(r.end[i])
    if (x1 - x0 >= 1) {
      paint(r.kind[i], x0, x1 - x0)
      i++
      continue
    }
    const px = Math.floor(x0)
    const pxUntil = nsOfX(view, plot, px + 1)
    const ranked = rankedKindIn(r, nsOfX(view, plot, px), pxUntil)
    paint(ranked >= 0 ? ranked : r.kind[i], px, 1)
    // past every record starting in this pixel; the last of them may reach beyond it: its remainder
    const next = firstStartingAt(r, pxUntil, i + 1)
    const last = next - 1
    if (r.end[last] > pxUntil) paint(r.kind[last], px + 1, xOf(r.end[last]) - (px + 1))
    i = next
  }
}

/** a release or a drain call is a short tick on top, so that a zoomed-out lane still shows its segments; a miss spans the lane */
const TICK_PX = 6

function drawInstants(ctx: CanvasRenderingContext2D, t: LaidOutTimeline, r: LaneRecords, view: TimelineView, plot: number, colors: readonly string[], top: number): void {
  let i = firstStartingAt(r, view.fromNs, 0)
  while (i < r.start.length && r.start[i] < view.toNs) {
    const px = Math.floor(xOfNs(view, plot, r.start[i]))
    // a miss in this pixel wins over a release or a drain call in it
    const next = firstStartingAt(r, nsOfX(view, plot, px + 1), i + 1)
    let shown = i
    for (let k = i; k < next; k++) if (t.kinds[r.kind[k]].name === 'deadline-miss') shown = k
    ctx.fillStyle = colors[r.kind[shown]]
    ctx.fillRect(px, top, 1, t.kinds[r.kind[shown]].name === 'deadline-miss' ? LANE_PX : TICK_PX)
    i = next
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, view: TimelineView, plot: number, height: number, theme: TimelineTheme): void {
  ctx.fillStyle = theme.border
  ctx.fillRect(LABEL_PX, AXIS_PX - 1, plot, 1)
  for (const tick of timeTicks(view.fromNs, view.toNs, plot)) {
    const x = Math.round(xOfNs(view, plot, tick.ns))
    ctx.fillStyle = theme.border
    ctx.fillRect(x, AXIS_PX - 5, 1, height - AXIS_PX + 5)
    // a label that would run past the plot's right edge is left out (its tick line stays), not cut
    if (x + 3 + ctx.measureText(tick.label).width > LABEL_PX + plot) continue
    ctx.fillStyle = theme.muted
    ctx.fillText(tick.label, x + 3, AXIS_PX / 2)
  }
}
