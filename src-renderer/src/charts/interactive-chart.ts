// A Chart.js chart on a canvas, made interactive: wheel/keyboard zoom and drag/keyboard pan on x,
// min-max re-decimation of the visible range after every zoom and pan (so spikes survive at any zoom in
// a 1 000 000-point series), a threshold line, two click markers, tooltips with exact values and units,
// a themed background so a PNG export looks like the screen, and a vector SVG of the same view. The
// Chart instance stays outside Vue's reactivity.
import { chartBackground } from '@shared/charts/chart-background'
import { SvgRecordingContext } from '@shared/charts/svg-recording-context'
import { BasicPlatform, type Chart, type ChartConfiguration, type TooltipItem } from 'chart.js'
import { axisUnit, exactValue } from './axis-unit'
import { decimateMinMax, toColumns, type SeriesColumns } from './min-max-decimate'
import { registerChartJs } from './register-chart-js'
import { measureInPage } from './measure-in-page'

export interface Threshold {
  axis: 'x' | 'y'
  value: number
  label: string
}

export interface InteractiveChart {
  chart: Chart
  resetZoom(): void
  /** Keyboard zoom and pan (W/S, A/D as in Perfetto): factor > 1 zooms in; pixels > 0 moves the view right */
  zoomBy(factor: number): void
  panBy(pixels: number): void
  /** x markers (at most two, as placed by clicks); their difference is what the user reads */
  markers(): number[]
  clearMarkers(): void
  /** the x axis unit, read from its title */
  readonly xUnit: string
  /** PNG of the chart as it is on screen (current zoom), drawn at `scale` pixels per CSS pixel, as a data URL */
  toPng(scale: number): string
  /** Vector SVG of the chart as it is on screen (current zoom, same points), drawn by Chart.js into an SVG context */
  toSvg(): string
  /** the current visible x range, for exporting "what is on screen" */
  visibleX(): { min: number; max: number } | null
  destroy(): void
}

/** Series shorter than this are drawn as they are. */
const DECIMATE_ABOVE = 4000

type Scales = Record<string, { title?: { text?: unknown }; type?: string } | undefined>

export function createInteractiveChart(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration,
  opts: {
    background: string; threshold?: Threshold; onZoomChange?: (zoomed: boolean) => void; onMarkers?: (xs: number[]) => void
    /** the chart is taller than its box and scrolls: the wheel scrolls, Ctrl+wheel zooms */
    scrolls?: boolean
  }
): InteractiveChart {
  const ChartJs = registerChartJs()
  const scales = (config.options?.scales ?? {}) as Scales
  const xUnit = axisUnit(scales.x?.title?.text)
  const yUnit = axisUnit(scales.y?.title?.text)
  // zoomable: a numeric x axis (line and scatter charts by default, horizontal timelines when set)
  const defaultX = config.type === 'line' || config.type === 'scatter' ? 'linear' : 'category'
  const linearX = (scales.x?.type ?? defaultX) !== 'category'

  // full-resolution copies of the big series; the chart holds only what the visible range needs
  const full = new Map<number, SeriesColumns>()
  if (linearX && config.type === 'line') {
    config.data.datasets.forEach((d, i) => {
      const data = d.data as Array<{ x: number; y: number | null }>
      if (data.length > DECIMATE_ABOVE && typeof data[0] === 'object' && data[0] !== null) full.set(i, toColumns(data))
    })
  }

  let frame = 0
  let lastPanAt = 0
  let markerXs: number[] = []
  const redecimate = (chart: Chart) => {
    if (full.size === 0) return
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => {
      const x = chart.scales.x
      if (!x) return
      const columns = Math.max(50, Math.round(chart.chartArea.width))
      for (const [i, series] of full) chart.data.datasets[i].data = decimateMinMax(series, x.min, x.max, columns)
      chart.update('none')
    })
  }
  const zoomed = (chart: Chart) => {
    redecimate(chart)
    opts.onZoomChange?.(chart.isZoomedOrPanned())
  }

  const options = { ...(config.options ?? {}) } as NonNullable<ChartConfiguration['options']> & Record<string, unknown>
  options.responsive = true
  options.maintainAspectRatio = false
  options.animation = false
  options.normalized = true
  // series: a tooltip for the nearest sample along x, without having to hit a 1-pixel line exactly;
  // horizontal bars (breakdowns, timelines): the bar under the pointer
  const horizontal = (options as { indexAxis?: string }).indexAxis === 'y'
  // a builder may ask for its own (the interference rows: every source of the row under the pointer)
  options.interaction = config.options?.interaction ?? (horizontal ? { mode: 'nearest', intersect: true } : { mode: 'nearest', axis: 'x', intersect: false })
  const plugins = { ...(options.plugins ?? {}) } as Record<string, unknown>
  plugins.decimation = { enabled: false }
  plugins.tooltip = {
    ...(plugins.tooltip as object | undefined),
    callbacks: {
      title: (items: TooltipItem<'line'>[]) => {
        const item = items[0]
        if (!item) return ''
        const raw = item.raw as { x?: number } | number | null
        if (raw !== null && typeof raw === 'object' && typeof raw.x === 'number') return `${exactValue(raw.x)} ${xUnit}`.trim()
        return item.label
      },
      label: (item: TooltipItem<'line'>) => {
        // `value`: the real value of a point drawn in a stand-in place (a zero on a log axis's bottom line)
        const raw = item.raw as { x?: unknown; y?: number | null; value?: number } | number | null
        if (raw !== null && typeof raw === 'object' && Array.isArray(raw.x)) {
          // a floating bar (timeline segment): its span on the x axis
          const [from, to] = raw.x as [number, number]
          return `${item.dataset.label ?? ''}: ${exactValue(from)} → ${exactValue(to)} ${xUnit} (${exactValue(to - from)} ${xUnit})`
        }
        const y = typeof raw === 'number' ? raw : (raw?.value ?? raw?.y)
        // a horizontal bar's value is on the x axis; no value is a dash, not "— µs"
        if (y === null || y === undefined) return `${item.dataset.label ?? ''}: —`
        return `${item.dataset.label ?? ''}: ${exactValue(y)} ${horizontal ? xUnit : yUnit}`.trim()
      }
    }
  }
  if (linearX) {
    plugins.zoom = {
      limits: { x: { min: 'original', max: 'original' } },
      pan: { enabled: true, mode: 'x', onPan: ({ chart }: { chart: Chart }) => zoomed(chart), onPanComplete: () => { lastPanAt = performance.now() } },
      zoom: {
        wheel: { enabled: true, speed: 0.15, ...(opts.scrolls ? { modifierKey: 'ctrl' } : {}) },
        pinch: { enabled: true },
        drag: { enabled: true, modifierKey: 'shift', backgroundColor: 'rgba(47,111,179,0.15)' },
        mode: 'x',
        onZoom: ({ chart }: { chart: Chart }) => zoomed(chart)
      }
    }
  }
  if (opts.threshold) {
    plugins.annotation = {
      annotations: {
        threshold: {
          type: 'line', scaleID: opts.threshold.axis, value: opts.threshold.value,
          borderColor: '#d32f2f', borderWidth: 1.5, borderDash: [6, 4],
          label: { display: true, content: opts.threshold.label, position: 'end', backgroundColor: 'rgba(211,47,47,0.85)', font: { size: 11 } }
        }
      }
    }
  }
  // click to place marker A, again for B (the delta between them is shown), a third click starts over
  const annotations: Record<string, unknown> = { ...((plugins.annotation as { annotations?: object } | undefined)?.annotations ?? {}) }
  plugins.annotation = { ...(plugins.annotation as object | undefined), annotations }
  const drawMarkers = (chart: Chart) => {
    ;['markerA', 'markerB'].forEach((id, i) => {
      if (markerXs[i] === undefined) delete annotations[id]
      else annotations[id] = { type: 'line', scaleID: 'x', value: markerXs[i], borderColor: '#7b61ff', borderWidth: 1.5, label: { display: true, content: i === 0 ? 'A' : 'B', position: 'start', backgroundColor: '#7b61ff' } }
    })
    chart.update('none')
    opts.onMarkers?.([...markerXs])
  }
  if (linearX) {
    options.onClick = (event: { x: number | null }, _elements: unknown, chart: Chart) => {
      // the click that ends a drag-pan is not a marker
      if (event.x === null || performance.now() - lastPanAt < 250) return
      const x = chart.scales.x.getValueForPixel(event.x)
      if (x === undefined) return
      markerXs = markerXs.length >= 2 ? [x] : [...markerXs, x]
      drawMarkers(chart)
    }
  }
  options.plugins = plugins as typeof options.plugins

  const data = {
    ...config.data,
    datasets: config.data.datasets.map((d, i) => (full.has(i) ? { ...d, data: decimateMinMax(full.get(i)!, -Infinity, Infinity, 2000), parsing: false } : d))
  }
  const chart = new ChartJs(canvas, { ...config, data, options, plugins: [...(config.plugins ?? []), chartBackground(opts.background)] } as ChartConfiguration)
  if (full.size) redecimate(chart)

  return {
    chart,
    resetZoom() {
      chart.resetZoom()
      zoomed(chart)
    },
    zoomBy(factor) {
      if (!linearX) return
      chart.zoom({ x: factor })
      zoomed(chart)
    },
    panBy(pixels) {
      if (!linearX) return
      chart.pan({ x: -pixels }, undefined, 'none')
      zoomed(chart)
    },
    markers: () => [...markerXs],
    xUnit,
    clearMarkers() {
      markerXs = []
      drawMarkers(chart)
    },
    toPng(scale) {
      // redrawn at the export's pixel ratio and back: the same layout (CSS size) with `scale`× the pixels
      const screen = chart.options.devicePixelRatio
      chart.options.devicePixelRatio = scale
      chart.resize()
      try {
        return chart.toBase64Image('image/png', 1)
      } finally {
        chart.options.devicePixelRatio = screen
        chart.resize()
      }
    },
    toSvg() {
      const target = new SvgRecordingContext(chart.width, chart.height, measureInPage())
      const x = chart.scales.x
      const scalesNow = { ...((options.scales ?? {}) as Record<string, object>) }
      if (linearX && x) scalesNow.x = { ...scalesNow.x, min: x.min, max: x.max }
      const svgChart = new ChartJs(target as unknown as CanvasRenderingContext2D, {
        type: config.type,
        data: { ...chart.data, datasets: chart.data.datasets.map((d) => ({ ...d, data: [...d.data] })) },
        options: { ...options, scales: scalesNow, responsive: false, animation: false, devicePixelRatio: 1, plugins: { ...options.plugins, zoom: false } },
        plugins: [chartBackground(opts.background)],
        platform: BasicPlatform
      } as unknown as ChartConfiguration)
      svgChart.destroy()
      return target.toSvg()
    },
    visibleX: () => (chart.scales.x ? { min: chart.scales.x.min, max: chart.scales.x.max } : null),
    destroy() {
      cancelAnimationFrame(frame)
      chart.destroy()
    }
  }
}
