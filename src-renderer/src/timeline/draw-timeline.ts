// Draws a laid-out run timeline on a 2D canvas: no DOM per segment. Only what is in view is visited
// (binary search per lane and layer), and a run of segments narrower than a pixel paints that pixel once,
// in the colour of the one that matters most there: interference over the task's own time over the rest.
import { AXIS_PX, HEADER_PX, LABEL_PX, LANE_PX, LOCK_BAND_PX, OWNER_BAND_PX, timelineRows, xOfNs, type TimelineView } from './timeline-geometry'
import { firstVisible, type LaidOutTimeline, type LaneRecords } from './timeline-lanes'
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
  const priority = t.kinds.map((k) => (k.source !== null ? 2 : k.name === 'rt' ? 1 : 0))
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
    drawBand(ctx, lane.layers['pcp-lock'], view, plot, colors, priority, row.top, LOCK_BAND_PX)
    drawBand(ctx, lane.layers.cpu, view, plot, colors, priority, row.top + LOCK_BAND_PX, LANE_PX - LOCK_BAND_PX - OWNER_BAND_PX)
    drawBand(ctx, lane.layers.owner, view, plot, colors, priority, row.top + LANE_PX - OWNER_BAND_PX, OWNER_BAND_PX)
    drawInstants(ctx, t, lane.layers.instant, view, plot, colors, row.top)
    ctx.restore()
  }
  drawAxis(ctx, view, plot, rows.height, theme)
  let labelEnd = -Infinity
  for (const m of markers) {
    const x = xOfNs(view, plot, m.ns)
    if (x < LABEL_PX || x > width) continue
    ctx.fillStyle = theme.accent
    ctx.fillRect(Math.round(x), AXIS_PX, 1, rows.height - AXIS_PX)
    // markers closer than their labels are wide keep the first label
    const labelX = Math.min(x + 3, width - ctx.measureText(m.label).width - 2)
    if (labelX < labelEnd) continue
    ctx.fillText(m.label, labelX, AXIS_PX + HEADER_PX / 2)
    labelEnd = labelX + ctx.measureText(m.label).width + 6
  }
}

function drawBand(ctx: CanvasRenderingContext2D, r: LaneRecords, view: TimelineView, plot: number, colors: readonly string[], priority: readonly number[], top: number, height: number): void {
  let paintedPx = -1
  let paintedPriority = -1
  for (let i = firstVisible(r, view.fromNs); i < r.start.length && r.start[i] < view.toNs; i++) {
    if (r.end[i] <= view.fromNs) continue
    const color = colors[r.kind[i]]
    if (color === 'transparent') continue
    const x0 = xOfNs(view, plot, Math.max(r.start[i], view.fromNs))
    const x1 = xOfNs(view, plot, Math.min(r.end[i], view.toNs))
    const px = Math.floor(x0)
    // a segment within the pixel already painted adds nothing at this zoom, unless it matters more
    if (x1 - x0 < 1 && px === paintedPx && priority[r.kind[i]] <= paintedPriority) continue
    ctx.fillStyle = color
    ctx.fillRect(x0, top, Math.max(1, x1 - x0), height)
    paintedPx = Math.floor(Math.max(x0, x1 - 1))
    paintedPriority = priority[r.kind[i]]
  }
}

/** a release or a drain call is a short tick on top, so that a zoomed-out lane still shows its segments; a miss spans the lane */
const TICK_PX = 6

function drawInstants(ctx: CanvasRenderingContext2D, t: LaidOutTimeline, r: LaneRecords, view: TimelineView, plot: number, colors: readonly string[], top: number): void {
  let paintedPx = -1
  for (let i = firstVisible(r, view.fromNs); i < r.start.length && r.start[i] < view.toNs; i++) {
    if (r.start[i] < view.fromNs) continue
    const px = Math.floor(xOfNs(view, plot, r.start[i]))
    if (px === paintedPx) continue
    paintedPx = px
    ctx.fillStyle = colors[r.kind[i]]
    ctx.fillRect(px, top, 1, t.kinds[r.kind[i]].name === 'deadline-miss' ? LANE_PX : TICK_PX)
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, view: TimelineView, plot: number, height: number, theme: TimelineTheme): void {
  ctx.fillStyle = theme.border
  ctx.fillRect(LABEL_PX, AXIS_PX - 1, plot, 1)
  for (const tick of timeTicks(view.fromNs, view.toNs, plot)) {
    const x = Math.round(xOfNs(view, plot, tick.ns))
    ctx.fillStyle = theme.border
    ctx.fillRect(x, AXIS_PX - 5, 1, height - AXIS_PX + 5)
    ctx.fillStyle = theme.muted
    ctx.fillText(tick.label, x + 3, AXIS_PX / 2)
  }
}
