// Chart.js with the pieces the lab uses, registered once: every built-in controller and scale, zoom/pan
// (chartjs-plugin-zoom, with hammerjs for drag) and the deadline line (chartjs-plugin-annotation).
import { Chart, registerables } from 'chart.js'
import annotationPlugin from 'chartjs-plugin-annotation'
import zoomPlugin from 'chartjs-plugin-zoom'

let registered = false

export function registerChartJs(): typeof Chart {
  if (!registered) {
    Chart.register(...registerables, zoomPlugin, annotationPlugin)
    registered = true
  }
  return Chart
}

/** Text and grid colours follow the app theme; charts are rebuilt when it changes. */
export function applyChartTheme(dark: boolean): void {
  Chart.defaults.color = dark ? '#c9ced6' : '#3a4149'
  Chart.defaults.borderColor = dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.1)'
}
