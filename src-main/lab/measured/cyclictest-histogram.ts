// cyclictest -h US (rt-tests src/cyclictest/cyclictest.c, print_hist()): one row per µs bucket
// ("000042 000017 000003": the bucket, then one count per thread), then the trailer
//   # Total: …  # Min Latencies: …  # Avg Latencies: …  # Max Latencies: …  # Histogram Overflows: …
// A sample of d µs (the wakeup delay truncated to µs) goes into bucket d when d < US, else into the
// thread's overflow count; "# Total" counts the bucketed samples only, so loops = Total + Overflows.
// With -H/--histofall and several threads, every row, "# Total", "# Max Latencies" and "# Histogram
// Overflows" have one more column, the sum over threads; Min and Avg do not. That column is dropped: its
// samples are the threads' own.
import type { MeasuredHistogram, ParsedMeasurement } from './measured-histogram'
import { MeasurementFormatError } from './measurement-format-error'

const ROW = /^(\d+)((?:\s+\d+)+)\s*$/
const TRAILER = /^#\s*(Total|Min Latencies|Avg Latencies|Max Latencies|Histogram Overflows):((?:\s+\d+)*)\s*$/
/** lines cyclictest writes around the histogram that carry nothing the import needs */
const IGNORED = [/^#\s*\/dev\/cpu_dma_latency/, /^#\s*Histogram\s*$/, /^#\s*Histogram Overflow at cycle number:/, /^#\s*Thread \d+:/, /^T:\s*\d+/, /^policy:/, /^\s*$/]

const US = 1000

function numbers(text: string): number[] {
  return text.trim() === '' ? [] : text.trim().split(/\s+/).map(Number)
}

export function parseCyclictestHistogram(text: string, file: string): ParsedMeasurement {
  const lines = text.split(/\r?\n/)
  const rows: number[][] = []
  const trailer = new Map<string, { values: number[]; line: number }>()
  let threads = -1
  lines.forEach((line, i) => {
    const at = i + 1
    const row = ROW.exec(line)
    if (row !== null) {
      if (trailer.size > 0) throw new MeasurementFormatError(file, at, 'a histogram row after the "# Total" trailer')
      const counts = numbers(row[2])
      if (threads === -1) threads = counts.length
      if (counts.length !== threads) throw new MeasurementFormatError(file, at, `bucket ${Number(row[1])} has ${counts.length} counts, the rows above have ${threads} (one per thread)`)
      if (Number(row[1]) !== rows.length) throw new MeasurementFormatError(file, at, `bucket ${Number(row[1])} where bucket ${rows.length} was due (cyclictest prints every bucket from 0)`)
      rows.push(counts)
      return
    }
    const t = TRAILER.exec(line)
    if (t !== null) {
      trailer.set(t[1], { values: numbers(t[2]), line: at })
      return
    }
    if (IGNORED.some((re) => re.test(line))) return
    throw new MeasurementFormatError(file, at, `not a line of cyclictest -h output: "${line.slice(0, 80)}"`)
  })
  const last = lines.length
  if (rows.length === 0) throw new MeasurementFormatError(file, last, 'no histogram rows (run cyclictest with -h US)')
  for (const key of ['Total', 'Min Latencies', 'Avg Latencies', 'Max Latencies', 'Histogram Overflows']) {
    if (!trailer.has(key)) throw new MeasurementFormatError(file, last, `no "# ${key}:" line: the histogram is cut short or not from cyclictest -h`)
  }
  // Min and Avg have one value per thread; the rest have the --histofall sum column too, when there is one
  const perThread = trailer.get('Min Latencies')!.values.length
  const columns = perThread > 1 && threads === perThread + 1 ? perThread + 1 : perThread
  for (const [key, { values, line }] of trailer) {
    const expected = key === 'Min Latencies' || key === 'Avg Latencies' ? perThread : columns
    if (values.length !== expected) throw new MeasurementFormatError(file, line, `"# ${key}" has ${values.length} values; the histogram has ${threads} columns and "# Min Latencies" ${perThread} threads`)
  }
  if (threads !== columns) throw new MeasurementFormatError(file, trailer.get('Min Latencies')!.line, `the histogram has ${threads} columns for ${perThread} threads`)
  const total = trailer.get('Total')!
  const histograms: MeasuredHistogram[] = []
  for (let t = 0; t < perThread; t++) {
    const bucketed = rows.reduce((sum, r) => sum + r[t], 0)
    if (bucketed !== total.values[t]) throw new MeasurementFormatError(file, total.line, `thread ${t}'s buckets add up to ${bucketed}, "# Total" says ${total.values[t]}`)
    histograms.push({
      task: `cyclictest T${t}`,
      // cyclictest -h prints no CPU; without -a the thread may run on any
      cpu: null,
      buckets: rows.map((r, us): [number, number] => [us * US, r[t]]).filter(([, n]) => n > 0),
      overflows: trailer.get('Histogram Overflows')!.values[t],
      overflowFloorNs: rows.length * US,
      minNs: trailer.get('Min Latencies')!.values[t] * US,
      meanNs: trailer.get('Avg Latencies')!.values[t] * US,
      maxNs: trailer.get('Max Latencies')!.values[t] * US
    })
  }
  return { format: 'cyclictest-histogram', tool: 'cyclictest', mode: 'periodic', histograms }
}
