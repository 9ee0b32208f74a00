// The closing table of drainlab import and drainlab probe: one line per measured task, in the units a
// cyclictest user reads.
import type { ExperimentResults } from '../../src-shared/results/types'
import { formatNs } from '../../src-shared/units'

/** One line per measured task: what was imported, in the units a cyclictest user reads. */
export function measuredTable(results: ExperimentResults): string {
  const header = ['file', 'task', 'cpu', 'samples', 'overflows', 'min', 'p50', 'p99', 'p99.99', 'max']
  const rows: string[][] = []
  results.jobs.forEach((job, j) => {
    const file = results.measurement?.files[j]
    job.result?.tasks.forEach((t, k) => {
      const d = t.latencyNs
      const measured = file?.tasks[k]
      // a percentile among the overflows (recorded at the histogram's limit) is only a lower bound: "≥"
      const floor = measured !== undefined && measured.overflows > 0 ? measured.overflowFloorNs : null
      const percentile = (v: number) => (floor !== null && v >= floor ? `≥${formatNs(v)}` : formatNs(v))
      rows.push([file?.file ?? job.id, t.name, measured?.cpu === null ? '-' : String(t.cpu), String(d.count), String(measured?.overflows ?? 0), formatNs(d.min), ...[d.p50, d.p99, d.p9999].map(percentile), formatNs(d.max)])
    })
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const render = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n')
}
