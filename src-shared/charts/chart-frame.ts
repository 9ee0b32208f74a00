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

/** Count axes on a log scale: label 1, 10, 100, 1,000 … and leave the minor ticks bare. */
export function powersOfTen(value: number | string): string {
  const v = Number(value)
  return v >= 1 && Number.isInteger(Math.log10(v)) ? v.toLocaleString('en-US') : ''
}

/** Time axes on a log scale: label 1, 2, 5, 10, 20, 50 … (Chart.js labels every minor tick, 1.10, 1.20 …). */
export function oneTwoFive(value: number | string): string {
  const v = Number(value)
  if (!(v > 0)) return ''
  const lead = v / 10 ** Math.floor(Math.log10(v) + 1e-9)
  return [1, 2, 5].some((d) => Math.abs(lead - d) < 1e-6) ? Number(v.toPrecision(3)).toLocaleString('en-US') : ''
}

export const US_PER_NS = 1e-3
export const S_PER_NS = 1e-9
