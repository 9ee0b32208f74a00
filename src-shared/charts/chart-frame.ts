// The parts every chart shares: a title, a legend, axis titles with units, no animation (exports draw once).
import type { ChartOptions, ChartType } from 'chart.js'

export function frameOptions<T extends ChartType>(title: string, subtitle?: string): ChartOptions<T> {
  return {
    animation: false,
    plugins: {
      title: { display: true, text: title, font: { size: 15 } },
      subtitle: { display: subtitle !== undefined, text: subtitle ?? '' },
      legend: { display: true, position: 'top' }
    }
  } as ChartOptions<T>
}

export function axisTitle(text: string): { display: true; text: string } {
  return { display: true, text }
}

/** "12.3 µs" style tick labels for axes in µs. */
export const US_PER_NS = 1e-3
export const S_PER_NS = 1e-9
