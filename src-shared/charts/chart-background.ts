// A chart's background painted under everything it draws ('destination-over'): Chart.js leaves the
// canvas transparent, which an exported PNG or SVG shows as unreadable in dark viewers and on paper.
import type { Plugin } from 'chart.js'

export function chartBackground(color: string): Plugin {
  return {
    id: 'drainlabBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart
      ctx.save()
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = color
      ctx.fillRect(0, 0, width, height)
      ctx.restore()
    }
  }
}
