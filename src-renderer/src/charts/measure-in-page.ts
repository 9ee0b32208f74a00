// Text measured as the page's canvases draw it, for the SVG export: labels and legends then sit in
// the SVG where they sit on screen. Without a 2D canvas (a test page), the recorder's estimate.
import { estimateTextSize, type MeasureText } from '@shared/charts/svg-recording-context'

export function measureInPage(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) return estimateTextSize
  return (font, text) => {
    ctx.font = font
    return ctx.measureText(text)
  }
}
