/* global document, window, requestAnimationFrame */
// The benchmark page: the renderer's own interactive chart (zoom, pan, min-max re-decimation) on a
// synthetic 1 000 000-point series, plus a frame recorder the driver reads back. The series is
// synthetic on purpose (a deterministic noisy baseline with rare spikes): it measures drawing, not the lab.
import { createInteractiveChart } from '../../src-renderer/src/charts/interactive-chart.ts'

const POINTS = 1_000_000

/** xorshift32: the same series on every run */
function series() {
  let s = 0x2545f491
  const rand = () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
  const data = new Array(POINTS)
  for (let i = 0; i < POINTS; i++) {
    const spike = rand() < 1e-5 ? 200 + rand() * 800 : 0
    data[i] = { x: i * 1e-5, y: 5 + 3 * Math.sin(i / 5000) + rand() * 2 + spike }
  }
  return data
}

const built = performance.now()
const data = series()
const generatedMs = performance.now() - built
const t0 = performance.now()
const chart = createInteractiveChart(document.getElementById('chart'), {
  type: 'line',
  data: { datasets: [{ label: 'synthetic latency', data, borderColor: '#0072B2', borderWidth: 1, pointRadius: 0 }] },
  options: { scales: { x: { type: 'linear', title: { display: true, text: 'time (s)' } }, y: { type: 'linear', title: { display: true, text: 'latency (µs)' } } } }
}, { background: '#ffffff' })
const firstDrawMs = performance.now() - t0

const frames = []
let recording = false
function tick(t) {
  if (recording) frames.push(t)
  requestAnimationFrame(tick)
}
requestAnimationFrame(tick)

window.bench = {
  points: POINTS,
  generatedMs,
  firstDrawMs,
  start() { frames.length = 0; recording = true },
  stop() { recording = false; return frames.slice() },
  drawnPoints: () => chart.chart.data.datasets[0].data.length,
  visibleX: () => chart.visibleX()
}
document.title = 'ready'
