// The Interference chart at scale (issue 15, point 5): at 32 bars it was a 70 px plot with every other CPU label
// dropped, and on a linear stacked axis throttling (~500 000 µs) hid IPI, kworker and IRQs-off drain time.
import { describe, expect, it } from 'vitest'
import { heightOf } from '../../src-shared/charts/chart-height'
import { tableOf } from '../../src-shared/charts/chart-table'
import { CHARTS } from '../../src-shared/charts/index'
import { INTERFERENCE_SOURCES, type BySource, type ExperimentResults } from '../../src-shared/results/types'
import { syntheticResults } from './lab-support/synthetic-results'

const bySource = (values: Partial<BySource>): BySource => ({ ...Object.fromEntries(INTERFERENCE_SOURCES.map((s) => [s, 0])), ...values }) as BySource

/** `cpus` isolated CPUs under default throttling: 500 ms of throttle next to µs of IPI, kworker and IRQs-off drain. */
function manyCpus(cpus: number): ExperimentResults {
  const results = syntheticResults()
  for (const job of results.jobs) {
    job.result!.interference = Array.from({ length: cpus }, (_, i) => ({
      cpu: 8 + i,
      bySourceNs: bySource({ throttle: 500_000_000, ipi: 2_000 + i, kworker: 9_000, 'drain-irqoff': 40_000 })
    }))
  }
  return results
}

const build = (results: ExperimentResults) => CHARTS.find((c) => c.id === 'interference')!.build(results)
type Axis = { type?: string; min?: number; max?: number; ticks?: { autoSkip?: boolean } }

describe('interference chart at 32–256 CPUs', () => {
  for (const cpus of [32, 256]) {
    it(`${cpus} CPUs: every CPU keeps its label on a row of its own, the chart as tall as its rows`, () => {
      const config = build(manyCpus(cpus))
      const labels = config.data.labels as string[]
      expect(labels).toHaveLength(cpus * 2)
      expect(labels).toContain(`CPU ${8 + cpus - 1} · direct`)
      expect(config.options).toMatchObject({ indexAxis: 'y' })
      expect((config.options!.scales!.y as Axis).ticks!.autoSkip).toBe(false)
      // the chart scrolls: its time axis is also above the first row
      expect(config.options!.scales!.xTop).toMatchObject({ type: 'logarithmic', position: 'top' })
      // at least 14 px per row, within what a 2× PNG of the canvas can hold
      const height = heightOf(config)!
      expect(height).toBeGreaterThanOrEqual(Math.min(14 * labels.length, 15_000))
      expect(height).toBeLessThanOrEqual(16_000)
    })
  }

  it('small sources stay visible next to throttling: a log axis spanning both, one bar per source, not stacked', () => {
    const config = build(manyCpus(32))
    const x = config.options!.scales!.x as Axis & { stacked?: boolean }
    expect(x.type).toBe('logarithmic')
    expect(x.stacked).toBeFalsy()
    expect(x.min).toBeLessThanOrEqual(2)
    expect(x.max).toBeGreaterThanOrEqual(500_000)
    const ipi = config.data.datasets.find((d) => d.label === 'ipi')!
    expect(ipi.data[0]).toBe(2)
    expect(ipi.data.every((v) => typeof v === 'number' && v >= x.min!)).toBe(true)
    // sources that took nothing anywhere are said, not drawn
    expect(config.data.datasets.map((d) => d.label)).toEqual(['ipi', 'kworker', 'drain-irqoff', 'throttle'])
    expect((config.options!.plugins!.subtitle!.text as string[]).join(' ')).toContain('no time from fallback, lock-spin, tick, cache-refill')
  })

  it('CPUs that lost nothing are grouped into a line, not drawn as empty rows; the log axis labels 1, 2, 5 per decade', () => {
    const results = manyCpus(256)
    for (const job of results.jobs) {
      // a 256-CPU machine with realtime tasks on CPUs 40–47 only; direct takes nothing anywhere
      for (const i of job.result!.interference) if (job.variant === 'direct' || i.cpu < 40 || i.cpu > 47) i.bySourceNs = bySource({})
    }
    const config = build(results)
    expect(config.data.labels).toEqual(Array.from({ length: 8 }, (_, i) => `CPU ${40 + i} · workqueue`))
    const notes = (config.options!.plugins!.subtitle!.text as string[]).join(' | ')
    expect(notes).toContain('nothing taken from the realtime tasks under direct')
    expect(notes).toContain('nothing taken on CPU 8-39,48-263 (workqueue)')
    // the CSV keeps every CPU
    expect(tableOf(config)!.rows).toHaveLength(512)
    const label = (config.options!.scales!.x as { ticks: { callback: (v: number) => string } }).ticks.callback
    expect([1, 1.1, 2, 5, 7, 10, 20, 50, 500_000].map((v) => label(v))).toEqual(['1', '', '2', '5', '', '10', '20', '50', '500,000'])
  })

  it('the CSV has the exact µs of every source per CPU and variant, zeros included', () => {
    const table = tableOf(build(manyCpus(32)))!
    expect(table.header).toEqual(['isolated CPU', 'variant', ...INTERFERENCE_SOURCES.map((s) => `${s} (µs)`), 'total (µs)'])
    expect(table.rows[1]).toEqual([9, 'workqueue', 2.001, 9, 40, 500_000, 0, 0, 0, 0, 0, 0, 0, 0, 500_051.001])
  })
})
