// A chart whose size follows its data (one row per isolated CPU and variant) says how tall it should be
// drawn; the UI gives it that height inside a scrolling box and the lab's PNG/SVG export draws at it,
// so 256 CPU labels are never squeezed into the 320 px every other chart gets.
import type { ChartConfiguration, ChartType } from 'chart.js'

export type SizedChart<T extends ChartType> = ChartConfiguration<T> & { heightPx: number }

export function withHeight<T extends ChartType, C extends ChartConfiguration<T>>(config: C, heightPx: number): C & { heightPx: number } {
  return { ...config, heightPx: Math.round(heightPx) }
}

/** The height the chart asks for, in CSS pixels; undefined for charts that fit any box. */
export function heightOf(config: ChartConfiguration): number | undefined {
  return (config as Partial<SizedChart<ChartType>>).heightPx
}
