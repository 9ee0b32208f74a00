import { describe, expect, it } from 'vitest'
import { CHARTS, VARIANT_COLORS } from '../../src-shared/charts/index'
import { NINES_TICKS } from '../../src-shared/charts/latency-percentiles'
import { syntheticResults } from './lab-support/synthetic-results'

type AnyScale = { title?: { display?: boolean; text?: string } }

describe('chart registry', () => {
  const results = syntheticResults()
  const sweep = syntheticResults(true)
  // the synthetic runs made no per-CPU flush (as results of engine 0.5): give each an LRU flush that reached CPU 3
  const withFlushes = syntheticResults()
  for (const job of withFlushes.jobs) {
    const durationNs = job.result!.drains.durationNs
    job.result!.flushes = { lru: { requested: 4, completed: 3, skipped: 0, stalled: 1, isolatedWorkItems: 3, housekeepingWorkItems: 8, isolatedSkipped: 0, remoteFlushes: 0, durationNs, oldestPendingNs: 1e6 } }
  }

  it('has unique ids and every chart the UI and exports need', () => {
    const ids = CHARTS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ['latency-histogram', 'latency-percentiles', 'max-per-window', 'misses-over-time', 'drain-histogram', 'drain-over-time', 'stranded-pages', 'interference', 'worst-breakdown', 'sweep-metric']) {
      expect(ids).toContain(id)
    }
  })

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s: title, axis titles with units, legend, data', (_id, spec) => {
    const r = spec.group === 'sweep' ? sweep : spec.id === 'flush-work' ? withFlushes : results
    expect(spec.available(r)).toBe(true)
    const config = spec.build(r)
    expect(config.options?.plugins?.title?.text).toBeTruthy()
    expect(config.options?.plugins?.legend?.display).toBe(true)
    const scales = Object.values(config.options?.scales ?? {}) as AnyScale[]
    expect(scales.length).toBe(2)
    for (const s of scales) {
      expect(s.title?.display).toBe(true)
      expect(s.title?.text).toBeTruthy()
    }
    // the value axis says its unit: (µs), (count), (s), (%) ...
    expect(scales.some((s) => /\((µs|count|s|%)[,)]/.test(s.title?.text ?? ''))).toBe(true)
    expect(config.data.datasets.length).toBeGreaterThan(0)
    expect(config.data.datasets.some((d) => (d.data as unknown[]).some((v) => v !== null))).toBe(true)
  })

  // the UI review: a run where nothing interfered drew the interference chart as empty axes
  it('leaves the interference chart out of a run where nothing took time from a realtime task', () => {
    const quiet = syntheticResults()
    for (const job of quiet.jobs) {
      for (const cpu of job.result!.interference) for (const source of Object.keys(cpu.bySourceNs)) cpu.bySourceNs[source as keyof typeof cpu.bySourceNs] = 0
    }
    const interference = CHARTS.find((c) => c.id === 'interference')!
    expect(interference.available(quiet)).toBe(false)
    quiet.jobs[0].result!.interference[0].bySourceNs.kworker = 1
    expect(interference.available(quiet)).toBe(true)
  })

  it('colours variant lines with the fixed variant colours', () => {
    const config = CHARTS.find((c) => c.id === 'latency-percentiles')!.build(results)
    for (const d of config.data.datasets) expect(d.borderColor).toBe(VARIANT_COLORS[d.label as keyof typeof VARIANT_COLORS])
  })

  it('returns fresh arrays: mutating one build does not touch the next', () => {
    const spec = CHARTS.find((c) => c.id === 'latency-histogram')!
    const a = spec.build(results)
    const before = JSON.stringify(spec.build(results).data)
    ;(a.data.datasets[0].data as unknown[]).length = 0
    a.data.datasets.push({ label: 'x', data: [] } as never)
    expect(JSON.stringify(spec.build(results).data)).toBe(before)
  })

  it('the histogram has the recorded sample count and the percentile curve ends at the max', () => {
    const hist = CHARTS.find((c) => c.id === 'latency-histogram')!.build(results)
    const direct = hist.data.datasets.find((d) => d.label === 'direct')!
    const total = (direct.data as Array<{ y: number }>).reduce((a, p) => a + (p.y >= 1 ? p.y : 0), 0)
    expect(total).toBe(2 * 5000)
    const pct = CHARTS.find((c) => c.id === 'latency-percentiles')!.build(results)
    const curve = pct.data.datasets.find((d) => d.label === 'direct')!.data as Array<{ x: number; y: number }>
    const maxUs = Math.max(...results.jobs.filter((j) => j.variant === 'direct').map((j) => j.result!.tasks[0].latencyNs.max)) / 1000
    expect(curve[curve.length - 1].y).toBeCloseTo(maxUs, 0)
    expect(NINES_TICKS.map((t) => t.label)).toEqual(['50', '90', '99', '99.9', '99.99', '99.999'])
  })

  it('the sweep chart has one point per parameter value per variant', () => {
    const config = CHARTS.find((c) => c.id === 'sweep-metric')!.build(sweep, { metric: 'drainP99Ns' })
    expect(config.data.labels).toEqual(['100', '1000'])
    expect(config.data.datasets.map((d) => d.label)).toEqual(['workqueue', 'direct'])
    for (const d of config.data.datasets) expect((d.data as Array<number | null>).every((v) => typeof v === 'number' && v > 0)).toBe(true)
    expect(CHARTS.find((c) => c.id === 'sweep-metric')!.available(results)).toBe(false)
  })
})
