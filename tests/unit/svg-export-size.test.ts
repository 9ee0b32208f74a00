// CLI SVGs turned text into paths and were 10–40× larger than needed (issue 15, point 8). The lab's SVG keeps
// every label as a <text> element; measured here against @napi-rs/canvas's SVG backend with text as paths,
// which the lab used before (the numbers on the stress preset are in the commit that added this test).
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas'
import { Chart, registerables, type ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { renderChartSvg } from '../../src-main/lab/export/chart-render'
import { CHARTS } from '../../src-shared/charts/index'
import { syntheticResults } from './lab-support/synthetic-results'

Chart.register(...registerables)

function textAsPaths(config: ChartConfiguration): number {
  const canvas = createCanvas(1000, 500, SvgExportFlag.ConvertTextToPaths)
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], { ...config, options: { ...config.options, responsive: false, animation: false } })
  const size = canvas.getContent().length
  chart.destroy()
  return size
}

describe('the lab\'s SVG charts', () => {
  const results = syntheticResults()
  for (const id of ['latency-histogram', 'drain-percentiles']) {
    it(`${id}: labels are text, and the file is a fraction of the text-as-paths one`, () => {
      const spec = CHARTS.find((c) => c.id === id)!
      const svg = renderChartSvg(spec.build(results), { width: 1000, height: 500 }).toString('utf8')
      const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
      expect(texts).toContain(spec.build(results).options!.plugins!.title!.text as string)
      expect(texts.length).toBeGreaterThan(10)
      expect(svg.length * 8).toBeLessThan(textAsPaths(spec.build(results)))
      // a label moved without rotation carries no transform
      expect(svg).not.toContain('matrix(1 0 0 1 ')
    })
  }
})
