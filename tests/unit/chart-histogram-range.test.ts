// The histograms' x axis reaches past the class of the worst sample (walk of issue 15, point 4): Chart.js
// auto-ranges over the points it can draw, and the point closing the last class sits below the log count
// axis, so the axis used to stop at that class's lower bound (7 µs for a worst sample of 7.5 µs).
import { createCanvas } from '@napi-rs/canvas'
import { Chart, registerables, type ChartConfiguration } from 'chart.js'
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js'
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts/index'
import { syntheticResults } from './lab-support/synthetic-results'

Chart.register(...registerables)

function hdrOf(values: number[]): string {
  const h = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: 3 })
  for (const v of values) h.recordValue(v)
  return encodeIntoCompressedBase64(h)
}

const results = syntheticResults()
for (const job of results.jobs) {
  const r = job.result!
  const worst = job.variant === 'workqueue' && job.seed === 1
  // the sweep's 64-page point: 1797 wakeups in 1–2 µs, 2 in 2–3 µs and one at 7.5 µs
  for (const t of r.tasks) t.latencyNs.hdr = hdrOf([...Array.from({ length: 1797 }, (_, i) => 1000 + (i % 1000)), 2500, 2600, ...(worst ? [7500] : [])])
  // drains of 25–40 µs and one of 700 µs, in the log class [10^5.8, 10^5.9) ns = [631, 794) µs
  r.drains.durationNs.hdr = hdrOf([25_000, 30_000, 40_000, ...(worst ? [700_000] : [])])
}

/** The x range Chart.js draws, as in the PNG export (chart-render.ts draws the same way). */
function drawnX(id: string): { min: number; max: number } {
  const config = CHARTS.find((c) => c.id === id)!.build(results) as ChartConfiguration
  const chart = new Chart(createCanvas(1000, 500).getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false }
  })
  try {
    return { min: chart.scales.x.min, max: chart.scales.x.max }
  } finally {
    chart.destroy()
  }
}

describe('histogram x axis auto-range', () => {
  it('latency histogram (linear classes): the axis ends past the 7–8 µs class of the worst sample, by about a class', () => {
    const x = drawnX('latency-histogram')
    expect(x.min).toBe(0)
    expect(x.max).toBeGreaterThanOrEqual(9)
    expect(x.max).toBeLessThanOrEqual(10)
  })

  it('drain histogram (log classes): the axis ends past the class of the slowest drain', () => {
    const x = drawnX('drain-histogram')
    expect(x.max).toBeGreaterThanOrEqual(794.328 * 10 ** 0.1)
  })
})
