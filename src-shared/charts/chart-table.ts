// The data a chart shows, as the table its CSV button downloads: real values in the units the headers name,
// never the plotting stand-ins (a floor for empty log classes, the nines transform, a clamp for zeros).
// A builder attaches it to its config, so every view that draws the chart exports the same table.
import type { ChartConfiguration, ChartType } from 'chart.js'
import { csvTable } from '../csv-cell'

export interface ChartTable {
  header: string[]
  rows: unknown[][]
}

export type TabledChart<T extends ChartType> = ChartConfiguration<T> & { table: ChartTable }

export function withTable<T extends ChartType>(config: ChartConfiguration<T>, table: ChartTable): TabledChart<T> {
  return { ...config, table }
}

export function tableOf(config: ChartConfiguration): ChartTable | undefined {
  return (config as Partial<TabledChart<ChartType>>).table
}

/** Written by the writer of the lab's CSV tables (histograms.csv, series.csv …), so the two read alike. */
export function tableCsv(table: ChartTable): string {
  return csvTable(table.header, table.rows)
}

/**
 * ns → µs by division, not by multiplying with 1e-3: an integer ns divided by 1000 is the double nearest the
 * decimal and prints as it (12722.175, where 12722175 * 1e-3 prints 12722.175000000001).
 */
export function usOfNs(ns: number): number {
  return Math.round(ns) / 1000
}

export function sOfNs(ns: number): number {
  return Math.round(ns) / 1e9
}
