// rtla timerlat hist and rtla osnoise hist (tools/tracing/rtla/src/timerlat_hist.c, osnoise_hist.c):
//   # RTLA timerlat histogram / # RTLA osnoise histogram
//   # Time unit is microseconds (us)        (or nanoseconds (ns), with -n)
//   # Duration:   0 00:00:10
//   Index   IRQ-000   Thr-000   IRQ-001 …   (osnoise: CPU-000 …; timerlat -u adds Usr-NNN)
//   0            12       ...               one row per non-empty bucket: its lower edge, then counts
//   over:  / count: / min: / avg: / max:    per column; count includes "over"
//   ALL:  / count: …                        timerlat's all-CPU summary after max: not read (the per-CPU rows say it all)
// A sample goes into bucket latency / bucket_size when below entries, else into "over".
import type { MeasuredHistogram, ParsedMeasurement } from './measured-histogram'
import { MeasurementFormatError } from './measurement-format-error'

const COLUMN = /^(IRQ|Thr|Usr|CPU)-(\d+)$/
const COLUMN_NAMES: Record<string, string> = { IRQ: 'irq', Thr: 'thread', Usr: 'user', CPU: 'noise' }
const SUMMARY = ['over', 'count', 'min', 'avg', 'max'] as const

function durationNs(text: string): number | undefined {
  // get_duration(): "%4d %02d:%02d:%02d" days, hours, minutes, seconds
  const m = /^\s*(\d+)\s+(\d+):(\d+):(\d+)\s*$/.exec(text)
  if (m === null) return undefined
  return (((Number(m[1]) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1e9
}

export function parseRtlaHist(text: string, file: string, tracer: 'timerlat' | 'osnoise'): ParsedMeasurement {
  const lines = text.split(/\r?\n/)
  let unitNs = 1000
  let duration: number | undefined
  let columns: Array<{ kind: string; cpu: number }> | null = null
  const rows: Array<{ index: number; counts: number[] }> = []
  const summary = new Map<string, { values: number[]; line: number }>()
  let done = false
  lines.forEach((line, i) => {
    const at = i + 1
    if (done || /^\s*$/.test(line)) return
    const header = /^#\s*(.*)$/.exec(line)
    if (header !== null) {
      const unit = /^Time unit is (nanoseconds|microseconds)/.exec(header[1])
      if (unit !== null) unitNs = unit[1] === 'nanoseconds' ? 1 : 1000
      const d = /^Duration:(.*)$/.exec(header[1])
      if (d !== null) duration = durationNs(d[1])
      return
    }
    const words = line.trim().split(/\s+/)
    if (words[0] === 'Index') {
      columns = words.slice(1).map((w) => {
        const m = COLUMN.exec(w)
        if (m === null) throw new MeasurementFormatError(file, at, `column "${w}" is not IRQ-NNN, Thr-NNN, Usr-NNN or CPU-NNN`)
        return { kind: m[1], cpu: Number(m[2]) }
      })
      return
    }
    if (columns === null) throw new MeasurementFormatError(file, at, 'a row before the "Index" header (rtla --no-index or --no-header output cannot be attributed to CPUs)')
    const key = /^(over|count|min|avg|max):$/.exec(words[0])
    const cells = words.slice(1)
    if (cells.length !== columns.length) throw new MeasurementFormatError(file, at, `${cells.length} values for ${columns.length} columns`)
    if (key !== null) {
      // "-" is rtla's value for a column without samples
      summary.set(key[1], { values: cells.map((c) => (c === '-' ? Number.NaN : Number(c))), line: at })
      // what follows the per-CPU max (timerlat's ALL: block, auto-analysis, "Saving trace to …") is not the histogram
      done = key[1] === 'max'
      return
    }
    if (!/^\d+$/.test(words[0]) || cells.some((c) => !/^\d+$/.test(c))) throw new MeasurementFormatError(file, at, `not a histogram row (a bucket index and whole counts): "${line.slice(0, 80)}"`)
    if (summary.size > 0) throw new MeasurementFormatError(file, at, 'a histogram row after "over:"')
    rows.push({ index: Number(words[0]), counts: cells.map(Number) })
  })
  const last = lines.length
  if (columns === null) throw new MeasurementFormatError(file, last, `no "Index" header: not rtla ${tracer} hist output`)
  const cols: Array<{ kind: string; cpu: number }> = columns
  for (const key of SUMMARY) {
    if (!summary.has(key)) throw new MeasurementFormatError(file, last, `no "${key}:" row: the output is cut short (or --no-summary)`)
  }
  const value = (key: (typeof SUMMARY)[number], c: number) => summary.get(key)!.values[c]
  const histograms: MeasuredHistogram[] = cols.map((col, c) => {
    const buckets = rows.map((r): [number, number] => [r.index * unitNs, r.counts[c]]).filter(([, n]) => n > 0)
    const overflows = value('over', c)
    const bucketed = buckets.reduce((s, [, n]) => s + n, 0)
    if (bucketed + overflows !== value('count', c)) {
      throw new MeasurementFormatError(file, summary.get('count')!.line, `column ${col.kind}-${String(col.cpu).padStart(3, '0')}: buckets (${bucketed}) + over (${overflows}) ≠ count (${value('count', c)})`)
    }
    const lastIndex = rows.length === 0 ? 0 : rows[rows.length - 1].index
    const exact = (key: 'min' | 'avg' | 'max') => (Number.isNaN(value(key, c)) ? undefined : Math.round(value(key, c) * unitNs))
    return {
      task: `${tracer} ${COLUMN_NAMES[col.kind]} cpu${col.cpu}`,
      cpu: col.cpu,
      buckets,
      overflows,
      // entries × bucket size is not printed; past the last printed bucket is the least an overflow can be
      overflowFloorNs: overflows > 0 ? (lastIndex + 1) * unitNs : null,
      minNs: exact('min'),
      meanNs: exact('avg'),
      maxNs: exact('max')
    }
  })
  return {
    format: tracer === 'timerlat' ? 'rtla-timerlat-hist' : 'rtla-osnoise-hist',
    tool: tracer === 'timerlat' ? 'rtla timerlat' : 'rtla osnoise',
    mode: tracer === 'timerlat' ? 'periodic' : 'polling',
    durationNs: duration,
    histograms
  }
}
