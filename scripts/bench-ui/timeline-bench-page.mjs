/* global document, window, requestAnimationFrame */
// The timeline benchmark page: the renderer's own lay-out and drawTimeline (as Results → Timeline draws it)
// on a real run timeline of ~100 000 segments (timeline-data.ts), redrawn every animation frame while the
// view changes as a wheel zoom or a drag pan would change it. The driver reads back the frame times.
import { drawTimeline } from '../../src-renderer/src/timeline/draw-timeline.ts'
import { kindColor } from '../../src-renderer/src/timeline/timeline-colors.ts'
import { timelineRows } from '../../src-renderer/src/timeline/timeline-geometry.ts'
import { layOutTimeline } from '../../src-renderer/src/timeline/timeline-lanes.ts'

const WIDTH = 1300
const THEME = { text: '#1f2328', muted: '#57606a', border: '#d0d7de', isolated: '#e8f0fb', housekeeping: '#f0f1f3', accent: '#1f6feb' }

const data = await fetch('./timeline.json').then((r) => r.json())
const t0 = performance.now()
const laid = layOutTimeline(data.timeline)
const layOutMs = performance.now() - t0
const colors = laid.kinds.map(kindColor)
const rows = timelineRows(laid.lanes)
const canvas = document.getElementById('timeline')
canvas.width = WIDTH
canvas.height = rows.height
const ctx = canvas.getContext('2d')
const full = { fromNs: 0, toNs: data.simulatedNs }

/** Draws one view per animation frame; resolves with the frame timestamps and each draw's duration. */
function animate(views) {
  return new Promise((resolve) => {
    const frames = []
    const drawMs = []
    let i = 0
    const tick = (ts) => {
      frames.push(ts)
      if (i === views.length) return resolve({ frames, drawMs })
      const start = performance.now()
      drawTimeline(ctx, laid, views[i++], WIDTH, colors, THEME, [])
      drawMs.push(performance.now() - start)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

/** `n` views zooming by `factor` per frame around the run's middle, from `from`. */
function zoom(from, factor, n) {
  const mid = (full.fromNs + full.toNs) / 2
  const views = []
  let half = (from.toNs - from.fromNs) / 2
  for (let k = 0; k < n; k++) {
    views.push({ fromNs: mid - half, toNs: mid + half })
    half *= factor
  }
  return views
}

/** `n` views panning a `spanNs` window by `step` of its span per frame from the run's start. */
function pan(spanNs, step, n) {
  return Array.from({ length: n }, (_, k) => ({ fromNs: k * step * spanNs, toNs: k * step * spanNs + spanNs }))
}

/** what the driver measures, one after the other: the whole run, a zoom in and out, pans */
const PHASES = [
  { name: 'whole run in view, redrawn every frame (120 frames)', views: () => Array.from({ length: 120 }, () => full) },
  { name: 'zoom in, whole run → 1.4 ms (120 frames)', views: () => zoom(full, 0.93, 120) },
  { name: 'pan a 100 ms window, 2 % per frame (120 frames)', views: () => pan(100e6, 0.02, 120) },
  { name: 'pan 90 % of the run, 0.1 % per frame (100 frames)', views: () => pan(full.toNs * 0.9, 0.001, 100) },
  { name: 'zoom out, 1.4 ms → whole run (120 frames)', views: () => zoom(full, 0.93, 120).reverse() }
]

window.tbench = {
  segments: data.segments,
  records: data.timeline.count,
  lanes: laid.lanes.length,
  width: WIDTH,
  height: rows.height,
  layOutMs,
  phases: PHASES.map((p) => p.name),
  run: (index) => animate(PHASES[index].views())
}
document.title = 'ready'
