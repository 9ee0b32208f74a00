import { BasicPlatform, Chart, registerables, type ChartConfiguration } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { SvgRecordingContext } from '../../src-shared/charts/svg-recording-context'

Chart.register(...registerables)

describe('SVG recording context', () => {
  it('turns paths, rects, text and clips into vector elements', () => {
    const ctx = new SvgRecordingContext(200, 100)
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, 200, 100)
    ctx.save()
    ctx.beginPath()
    ctx.rect(10, 10, 180, 80)
    ctx.clip()
    ctx.strokeStyle = '#0072B2'
    ctx.lineWidth = 2
    ctx.setLineDash([6, 4])
    ctx.beginPath()
    ctx.moveTo(10, 90)
    ctx.lineTo(190, 10)
    ctx.stroke()
    ctx.restore()
    ctx.translate(50, 50)
    ctx.rotate(-Math.PI / 2)
    ctx.textAlign = 'center'
    ctx.fillText('latency (µs) <1>', 0, 0)
    const svg = ctx.toSvg()
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"')
    expect(svg).toContain('<clipPath id="clip0"><path d="M10 10L190 10L190 90L10 90Z"/></clipPath>')
    expect(svg).toContain('<g clip-path="url(#clip0)"><path d="M10 90L190 10" fill="none" stroke="#0072B2" stroke-width="2"')
    expect(svg).toContain('stroke-dasharray="6 4"')
    expect(svg).toMatch(/<text x="0" y="0" transform="matrix\(0 -1 1 0 50 50\)" text-anchor="middle"[^>]*>latency \(µs\) &lt;1&gt;<\/text>/)
  })

  it('puts a destination-over fill underneath what was drawn before', () => {
    const ctx = new SvgRecordingContext(10, 10)
    ctx.fillStyle = 'red'
    ctx.fillRect(0, 0, 5, 5)
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = 'white'
    ctx.fillRect(0, 0, 10, 10)
    const svg = ctx.toSvg()
    expect(svg.indexOf('fill="white"')).toBeLessThan(svg.indexOf('fill="red"'))
  })

  it('receives a whole Chart.js chart as vectors, without any bitmap', () => {
    const ctx = new SvgRecordingContext(400, 200)
    const config = {
      type: 'line',
      data: { datasets: [{ label: 'direct', data: [{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }], borderColor: '#0072B2' }] },
      options: { animation: false, responsive: false, devicePixelRatio: 1, scales: { x: { type: 'linear', title: { display: true, text: 'time (s)' } } } },
      platform: BasicPlatform
    } as unknown as ChartConfiguration
    const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], config)
    chart.destroy()
    const svg = ctx.toSvg()
    expect(svg).toContain('stroke="#0072B2"')
    expect(svg).toContain('>time (s)</text>')
    expect(svg).toContain('>direct</text>')
    expect(svg).not.toContain('<image')
  })
})
