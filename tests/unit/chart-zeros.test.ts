// Zeros on log axes are shown and said (issue 15, point 2): a percentile curve of mostly-zero latencies starts
// at 0 % on the bottom line labelled 0 with a note of the share, zero-time drains are 0 (not 1 ns), and the
// drain-time axis spans the decades of the data, not 0.001 µs to 1e9 µs.
import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js'
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts/index'
import { tableOf } from '../../src-shared/charts/chart-table'
import { zeroShare } from '../../src-shared/charts/zero-band'
import { syntheticResults } from './lab-support/synthetic-results'

function hdrOf(values: number[]): string {
  const h = build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000_000, numberOfSignificantValueDigits: 3 })
  for (const v of values) h.recordValue(v)
  return encodeIntoCompressedBase64(h)
}

const results = syntheticResults()
for (const job of results.jobs.filter((j) => j.variant === 'workqueue')) {
  const r = job.result!
  // the stress preset's poller: 95 % of wakeups find the CPU idle and take 0 µs
  r.tasks[0].latencyNs.hdr = hdrOf(Array.from({ length: 1000 }, (_, i) => (i < 950 ? 0 : 3000 + i)))
  r.drains.overTime.values[0] = 0
  r.drains.durationNs.hdr = hdrOf([0, 0, 25_000, 40_000])
  r.tasks[0].maxLatencyPerWindowNs.values[0] = 0
}

type Axis = { min?: number; max?: number; ticks?: { callback?: (v: number) => string } }
const build_ = (id: string) => CHARTS.find((c) => c.id === id)!.build(results)
const subtitleOf = (config: ReturnType<typeof build_>) => (config.options?.plugins?.subtitle?.text as string[]).join('\n')

describe('zeros on log axes', () => {
  it('percentiles: the curve starts at 0 % on the zero line, and a note gives the share of zeros', () => {
    const config = build_('latency-percentiles')
    expect(subtitleOf(config)).toContain('95 % of samples are 0 µs (workqueue)')
    const y = config.options!.scales!.y as Axis
    const wq = config.data.datasets.find((d) => d.label === 'workqueue')!.data as Array<{ x: number; y: number; value: number }>
    expect(wq[0]).toEqual({ x: 0, y: y.min, value: 0 })
    expect(y.ticks!.callback!.call({ min: y.min! }, y.min!)).toBe('0')
  })

  it('drain times over time: a zero drain is drawn as 0 on the zero line, and the axis spans the data\'s decades', () => {
    const config = build_('drain-over-time')
    const y = config.options!.scales!.y as Axis
    // synthetic drains take 20–660 µs: the axis runs 1 (the zero line) … 1000 µs
    expect([y.min, y.max]).toEqual([1, 1000])
    const wq = config.data.datasets.find((d) => d.label === 'workqueue')!.data as unknown as Array<{ y: number; value: number }>
    expect(wq[0]).toMatchObject({ y: 1, value: 0 })
    expect(wq.every((p) => p.y >= y.min! && p.y <= y.max!)).toBe(true)
    expect(subtitleOf(config)).toMatch(/% of drains are 0 µs \(workqueue\)/)
  })

  it('drain histogram: zero-time drains are said in the subtitle and counted in the CSV', () => {
    const config = build_('drain-histogram')
    expect(subtitleOf(config)).toContain('50 % of drains are 0 µs (workqueue): not on the log axis')
    const first = tableOf(config)!.rows[0]
    expect(first).toEqual([0, 0, 2 * 2, 0])
  })

  it('max latency per window: a window whose max is 0 is drawn on the zero line, not dropped', () => {
    const config = build_('max-per-window')
    const y = config.options!.scales!.y as Axis
    const wq = config.data.datasets.find((d) => d.label === 'workqueue')!.data as unknown as Array<{ y: number; value: number }>
    expect(wq[0]).toMatchObject({ y: y.min, value: 0 })
    expect(subtitleOf(config)).toContain('10 % of window maxima are 0 µs (workqueue)')
  })

  it('histograms: an empty class is drawn below the log axis but says 0 in its tooltip, not 0.1', () => {
    const data = build_('latency-histogram').data.datasets[0].data as unknown as Array<{ y: number; value?: number }>
    const empty = data.filter((p) => p.y < 0.8)
    expect(empty.length).toBeGreaterThan(0)
    expect(empty.every((p) => p.value === 0)).toBe(true)
  })

  it('writes a share without rounding it to 0 % or 100 %', () => {
    expect(zeroShare(950, 1000)).toBe('95 %')
    expect(zeroShare(99_999, 100_000)).toBe('>99.9 %')
    expect(zeroShare(1, 100_000)).toBe('<0.1 %')
  })
})
