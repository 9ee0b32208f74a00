// Several variants' histograms as one table on one set of classes (the chart draws them on one axis): a row per
// class any variant recorded, a count column per variant, 0 where that variant has none. Bounds in µs as the
// chart's axis; counts as recorded.
import type { Variant } from '../profile/schema'
import { usOfNs, type ChartTable } from './chart-table'

export interface TableClass {
  fromNs: number
  toNs: number
  count: number
}

export function histogramTable(quantity: string, countName: string, series: ReadonlyArray<{ variant: Variant; classes: readonly TableClass[] }>): ChartTable {
  const bounds = new Map<number, number>()
  for (const s of series) for (const c of s.classes) bounds.set(c.fromNs, c.toNs)
  const froms = [...bounds.keys()].sort((a, b) => a - b)
  const counts = series.map((s) => new Map(s.classes.map((c) => [c.fromNs, c.count])))
  return {
    header: [`${quantity} class from (µs)`, `${quantity} class to (µs)`, ...series.map((s) => `${s.variant} ${countName} (count)`)],
    rows: froms.map((from) => [usOfNs(from), usOfNs(bounds.get(from)!), ...counts.map((m) => m.get(from) ?? 0)])
  }
}
