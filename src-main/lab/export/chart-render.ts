// Charts drawn in Node: the src-shared chart configs rendered by Chart.js on an @napi-rs/canvas context, as
// PNG or SVG (text converted to paths, so the SVG looks the same without the fonts).
import { createCanvas, SvgExportFlag } from '@napi-rs/canvas'
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js'

Chart.register(...registerables)

export interface ChartImageOptions {
  /** CSS pixels (the layout size); default 1000 × 500 */
  width?: number
  height?: number
  /** pixels per inch of the PNG; 96 is one pixel per CSS pixel, 192 doubles the pixel count per axis */
  dpi?: number
}

export const DEFAULT_CHART_SIZE = { width: 1000, height: 500 }
const CSS_DPI = 96

/** Without it the exported PNG is transparent, unreadable in dark viewers and on paper. */
const whiteBackground: Plugin = {
  id: 'drainlabWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  }
}

/** Draws at once (no animation); the caller encodes the canvas, then destroys the chart (which clears it). */
function draw(config: ChartConfiguration, context: unknown, scale: number): Chart {
  // @napi-rs/canvas's context implements the 2D API Chart.js draws with; the types come from different packages
  return new Chart(context as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: scale },
    plugins: [...(config.plugins ?? []), whiteBackground]
  })
}

export async function renderChartPng(config: ChartConfiguration, opts: ChartImageOptions = {}): Promise<Buffer> {
  const width = opts.width ?? DEFAULT_CHART_SIZE.width
  const height = opts.height ?? DEFAULT_CHART_SIZE.height
  const dpi = opts.dpi ?? CSS_DPI
  const scale = dpi / CSS_DPI
  const canvas = createCanvas(width, height)
  const chart = draw(config, canvas.getContext('2d'), scale)
  try {
    return await canvas.encode('png', { resolution: dpi })
  } finally {
    chart.destroy()
  }
}

export function renderChartSvg(config: ChartConfiguration, opts: ChartImageOptions = {}): Buffer {
  const width = opts.width ?? DEFAULT_CHART_SIZE.width
  const height = opts.height ?? DEFAULT_CHART_SIZE.height
  const canvas = createCanvas(width, height, SvgExportFlag.ConvertTextToPaths)
  const chart = draw(config, canvas.getContext('2d'), 1)
  try {
    return canvas.getContent()
  } finally {
    chart.destroy()
  }
}
