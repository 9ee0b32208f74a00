import type { ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { tableOf, withTable } from '../../src-shared/charts/chart-table'
import { axisUnit, exactValue } from '../../src-renderer/src/charts/axis-unit'
import { chartCsv } from '../../src-renderer/src/charts/chart-csv'
import { decimateMinMax, toColumns } from '../../src-renderer/src/charts/min-max-decimate'
import { overlayConfigs } from '../../src-renderer/src/charts/overlay-configs'
import { profileDiff } from '../../src-renderer/src/results/profile-diff'

describe('min-max decimation', () => {
  const n = 1_000_000
  const points = Array.from({ length: n }, (_, i) => ({ x: i, y: i === 654_321 ? 1000 : Math.sin(i / 1000) }))
  const series = toColumns(points)

  it('keeps a one-sample spike at full range and bounds the output by the pixel columns', () => {
    const out = decimateMinMax(series, 0, n - 1, 800)
    expect(out.length).toBeLessThanOrEqual(2 * 800 + 2)
    expect(out.some((p) => p.y === 1000)).toBe(true)
  })

  it('returns the raw points of a zoomed range that fits, plus one beyond each edge', () => {
    const out = decimateMinMax(series, 100, 200, 800)
    expect(out[0].x).toBe(99)
    expect(out.at(-1)!.x).toBe(200)
    expect(out).toHaveLength(102)
  })

  it('keeps gaps as gaps', () => {
    const gappy = toColumns([{ x: 0, y: 1 }, { x: 1, y: null }, { x: 2, y: 3 }])
    expect(decimateMinMax(gappy, 0, 2, 100).map((p) => p.y)).toEqual([1, null, 3])
  })
})

describe('chart data helpers', () => {
  const config = {
    type: 'line',
    data: { datasets: [{ label: 'direct', data: [{ x: 1, y: 2.5 }, { x: 2, y: null }] }] },
    options: { scales: { x: { title: { text: 'wakeup latency (µs)' } }, y: { type: 'logarithmic', max: 10, title: { text: 'samples (log)' } } } }
  } as unknown as ChartConfiguration

  it('writes CSV with axis titles as headers, without the axis scale', () => {
    expect(chartCsv(config)).toBe('series,wakeup latency (µs),samples\ndirect,1,2.5\ndirect,2,\n')
    const bars = { type: 'bar', data: { labels: ['CPU 1'], datasets: [{ label: 'ipi', data: [3] }] }, options: { scales: { x: { title: { text: 'cpu' } }, y: { title: { text: 'time (µs)' } } } } } as unknown as ChartConfiguration
    expect(chartCsv(bars)).toBe('cpu,ipi (time (µs))\nCPU 1,3\n')
  })

  it('reads units from axis titles and prints exact values', () => {
    expect(axisUnit('wakeup latency (µs, log)')).toBe('µs')
    expect(axisUnit('samples (log)')).toBe('samples')
    expect(axisUnit('percentile (%)')).toBe('%')
    expect(axisUnit(undefined)).toBe('')
    expect(exactValue(0.1 + 0.2)).toBe('0.3')
    expect(exactValue(1234567)).toBe('1,234,567')
  })

  it('overlays two runs, B dashed, and lifts axis maxima', () => {
    const o = overlayConfigs(config, config, 'A', 'B')
    expect(o.data.datasets.map((d) => d.label)).toEqual(['A · direct', 'B · direct'])
    expect((o.data.datasets[1] as { borderDash?: number[] }).borderDash).toEqual([6, 4])
    expect((o.options?.scales as Record<string, { max?: number }>).y.max).toBeUndefined()
  })

  it('puts both runs\' zeros on one zero line, the lower of the two floors', () => {
    const banded = (min: number, ys: number[]) => ({
      type: 'line',
      data: { datasets: [{ label: 'direct', data: ys.map((y, x) => ({ x, y: y === 0 ? min : y, value: y })) }] },
      options: { scales: { y: { type: 'logarithmic', min, max: 1000 } } }
    }) as unknown as ChartConfiguration
    const o = overlayConfigs(banded(1, [0, 20]), banded(0.01, [0, 0.5]), 'A', 'B')
    expect((o.options?.scales as Record<string, { min?: number }>).y.min).toBe(0.01)
    expect(o.data.datasets.map((d) => (d.data as Array<{ y: number }>).map((p) => p.y))).toEqual([[0.01, 20], [0.01, 0.5]])
  })

  it('stacks both runs\' tables under a run column, and drops tables whose columns differ', () => {
    const tabled = (rows: unknown[][], header = ['variant', 'v (µs)']) => withTable(config as ChartConfiguration<'line'>, { header, rows })
    expect(tableOf(overlayConfigs(tabled([['direct', 1]]), tabled([['direct', 2]]), 'A', 'B'))).toEqual({
      header: ['run', 'variant', 'v (µs)'], rows: [['A', 'direct', 1], ['B', 'direct', 2]]
    })
    expect(tableOf(overlayConfigs(tabled([]), tabled([], ['other']), 'A', 'B'))).toBeUndefined()
  })

  it('lists profile differences by path', () => {
    expect(profileDiff({ a: 1, b: { c: [1, 2] }, d: 'x' }, { a: 1, b: { c: [1, 3] }, e: true })).toEqual([
      { path: 'b.c', a: '1, 2', b: '1, 3' },
      { path: 'd', a: 'x', b: undefined },
      { path: 'e', a: undefined, b: true }
    ])
  })
})
