// The timeline's visible window as files: a PNG of the canvas as drawn, and an SVG drawn by the same
// drawTimeline into the SVG recording context (svg-recording-context.ts), so both hold what is on screen —
// the same records, geometry, colours and markers — the SVG as vectors. Both on the panel's background,
// as the charts' exports are (ChartPanel.vue).
import { SvgRecordingContext } from '@shared/charts/svg-recording-context'
import { measureInPage } from '../charts/measure-in-page'

/** A PNG of `canvas` (device pixels) on `background`. */
export function timelinePng(canvas: HTMLCanvasElement, background: string): Promise<Blob> {
  const out = document.createElement('canvas')
  out.width = canvas.width
  out.height = canvas.height
  const ctx = out.getContext('2d')
  if (ctx === null) return Promise.reject(new Error('no 2D canvas to draw the PNG on'))
  ctx.fillStyle = background
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.drawImage(canvas, 0, 0)
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob === null ? reject(new Error('the canvas gave no PNG')) : resolve(blob)), 'image/png'))
}

/** An SVG of css size `width` × `height` on `background`, drawn by `draw` as it draws the canvas. */
export function timelineSvg(width: number, height: number, background: string, draw: (ctx: CanvasRenderingContext2D) => void): string {
  const svg = new SvgRecordingContext(width, height, measureInPage())
  svg.fillStyle = background
  svg.fillRect(0, 0, width, height)
  // the recorder implements the part of the 2D API drawTimeline uses
  draw(svg as unknown as CanvasRenderingContext2D)
  return svg.toSvg()
}
