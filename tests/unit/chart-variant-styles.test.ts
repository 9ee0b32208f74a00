// Identical variants do not vanish (issue 15, point 3): every variant series has its own dash and marker, and
// a chart whose variants coincide names them in its subtitle.
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src-shared/charts/index'
import { syntheticResults } from './lab-support/synthetic-results'

/** direct and direct-irqon with the very same runs, as the engine gives when no drain runs with IRQs off. */
function withTwins() {
  const r = syntheticResults()
  r.profile.kernel.variants = ['workqueue', 'direct', 'direct-irqon']
  r.jobs.push(...r.jobs.filter((j) => j.variant === 'direct').map((j) => ({ ...j, id: `${j.id}-irqon`, variant: 'direct-irqon' as const })))
  return r
}

const subtitle = (id: string, r: ReturnType<typeof syntheticResults>) => {
  const text = CHARTS.find((c) => c.id === id)!.build(r).options?.plugins?.subtitle?.text
  return Array.isArray(text) ? text.join('\n') : String(text)
}

describe('variants told apart', () => {
  it.each(['latency-histogram', 'latency-percentiles', 'drain-over-time', 'max-per-window'])('%s: names the variants that coincide', (id) => {
    expect(subtitle(id, withTwins())).toContain('direct and direct-irqon coincide')
    expect(subtitle(id, syntheticResults())).not.toContain('coincide')
  })

  it('gives each variant its own dash pattern and marker', () => {
    for (const id of ['latency-percentiles', 'drain-over-time']) {
      const sets = CHARTS.find((c) => c.id === id)!.build(withTwins()).data.datasets as Array<{ label: string; borderDash: number[]; pointStyle: string }>
      expect(new Set(sets.map((d) => JSON.stringify(d.borderDash))).size).toBe(3)
      expect(new Set(sets.map((d) => d.pointStyle)).size).toBe(3)
    }
  })

  it('names a variant with nothing to draw, and shows each variant\'s dash in the legend', () => {
    const r = syntheticResults()
    for (const j of r.jobs.filter((job) => job.variant === 'workqueue')) j.result!.drains.overTime = { tNs: [], values: [] }
    const config = CHARTS.find((c) => c.id === 'drain-over-time')!.build(r)
    expect(String((config.options?.plugins?.subtitle?.text as string[]).join('\n'))).toContain('nothing to draw for workqueue in this run')
    const pct = CHARTS.find((c) => c.id === 'latency-percentiles')!.build(r)
    const datasets = pct.data.datasets
    const chart = { data: pct.data, isDatasetVisible: () => true, options: { color: '#000' } }
    const items = pct.options!.plugins!.legend!.labels!.generateLabels!(chart as never)
    expect(items.map((i) => [i.text, i.pointStyle, i.lineDash])).toEqual(datasets.map((d) => [d.label, 'line', (d as { borderDash: number[] }).borderDash]))
  })
})
