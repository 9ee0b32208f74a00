// Charts drawn in Node: the src-shared chart configs rendered by Chart.js, as PNG on an @napi-rs/canvas
// context, or as SVG through the recorder the UI's SVG export uses too, so both exports agree.
import { createCanvas } from '@napi-rs/canvas'
import { chartBackground } from '../../../src-shared/charts/chart-background'
import { heightOf } from '../../../src-shared/charts/chart-height'
import { SvgRecordingContext, type MeasureText } from '../../../src-shared/charts/svg-recording-context'
import { Chart, registerables, type ChartConfiguration } from 'chart.js'

Chart.register(...registerables)

export interface ChartImageOptions {
  /** CSS pixels (the layout size); default 1000 × 500, or the height a chart asks for (one row per CPU) */
  width?: number
  height?: number
  /** pixels per inch of the PNG; 96 is one pixel per CSS pixel, 192 doubles the pixel count per axis */
  dpi?: number
}

export const DEFAULT_CHART_SIZE = { width: 1000, height: 500 }
const CSS_DPI = 96

/** Draws at once (no animation); the caller encodes what was drawn, then destroys the chart (which clears it). */
function draw(config: ChartConfiguration, context: unknown, scale: number): Chart {
  // the canvas contexts implement the 2D API Chart.js draws with; the types come from different packages
  return new Chart(context as ConstructorParameters<typeof Chart>[0], {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: scale },
    plugins: [...(config.plugins ?? []), chartBackground('#ffffff')]
  })
}

/** Text measured with @napi-rs/canvas's fonts, so labels are laid out as in the PNG. */
function measureWithCanvas(): MeasureText {
  const ctx = createCanvas(1, 1).getContext('2d')
  return (font, text) => {
    ctx.font = font
    return { width: ctx.measureText(text).width }
  }
}

export async function renderChartPng(config: ChartConfiguration, opts: ChartImageOptions = {}): Promise<Buffer> {
  const width = opts.width ?? DEFAULT_CHART_SIZE.width
  const height = opts.height ?? heightOf(config) ?? DEFAULT_CHART_SIZE.height
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
  const recorder = new SvgRecordingContext(opts.width ?? DEFAULT_CHART_SIZE.width, opts.height ?? heightOf(config) ?? DEFAULT_CHART_SIZE.height, measureWithCanvas())
  draw(config, recorder, 1).destroy()
  return Buffer.from(recorder.toSvg(), 'utf8')
}
