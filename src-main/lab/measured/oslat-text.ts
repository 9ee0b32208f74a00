// oslat's summary (rt-tests src/oslat/oslat.c, write_summary()): a "Core:" row naming the CPUs, one row
// per bucket ("  012 (us):\t 5 52", labelled with the bucket's upper edge, bucket_to_lat()), the last one
// "(including overflows)", then Minimum / Average / Maximum / Max-Min (us) and Duration (sec) per CPU.
// -z leaves out all-zero buckets and prints "..." in their place.
import type { MeasuredHistogram, ParsedMeasurement } from './measured-histogram'
import { MeasurementFormatError } from './measurement-format-error'

const US = 1000
const BUCKET = /^\s*(\d+(?:\.\d+)?) \(us\):\s*((?:\s+\d+)+)\s*(\(including overflows\))?\s*$/
const FIELD = /^\s*(Core|Counter Freq|Minimum|Average|Maximum|Max-Min|Duration):\s*((?:\s+[\d.]+)+)\s*(\((?:us|sec|Mhz|MHz)\))?\s*$/
/** the header and progress lines before the summary */
const IGNORED = [/^oslat V/, /^(Total runtime|Thread priority|CPU list|CPU for main thread|Workload|Workload mem|Preheat cores):/, /^Pre-heat for/, /^Test (starts|completed)/, /^\s*\.\.\.\s*$/, /^\s*$/]

function values(text: string): number[] {
  return text.trim().split(/\s+/).map(Number)
}

export function parseOslatText(text: string, file: string): ParsedMeasurement {
  const lines = text.split(/\r?\n/)
  const fields = new Map<string, number[]>()
  const rows: Array<{ us: number; counts: number[] }> = []
  let cores: number[] | null = null
  let sawLast = false
  lines.forEach((line, i) => {
    const at = i + 1
    const bucket = BUCKET.exec(line)
    if (bucket !== null) {
      if (cores === null) throw new MeasurementFormatError(file, at, 'a bucket row before the "Core:" row')
      if (sawLast) throw new MeasurementFormatError(file, at, 'a bucket row after the one "(including overflows)"')
      const counts = values(bucket[2])
      if (counts.length !== cores.length) throw new MeasurementFormatError(file, at, `${counts.length} counts for ${cores.length} CPUs (Core: ${cores.join(' ')})`)
      rows.push({ us: Number(bucket[1]), counts })
      sawLast = bucket[3] !== undefined
      return
    }
    const field = FIELD.exec(line)
    if (field !== null) {
      const v = values(field[2])
      if (field[1] === 'Core') cores = v
      else if (cores !== null && v.length !== cores.length) throw new MeasurementFormatError(file, at, `"${field[1]}" has ${v.length} values for ${cores.length} CPUs`)
      fields.set(field[1], v)
      return
    }
    if (IGNORED.some((re) => re.test(line))) return
    throw new MeasurementFormatError(file, at, `not a line of oslat output: "${line.slice(0, 80)}"`)
  })
  const last = lines.length
  if (cores === null) throw new MeasurementFormatError(file, last, 'no "Core:" row: not oslat\'s summary')
  if (!sawLast) throw new MeasurementFormatError(file, last, 'no bucket row "(including overflows)": the histogram is cut short')
  for (const key of ['Minimum', 'Average', 'Maximum', 'Duration']) {
    if (!fields.has(key)) throw new MeasurementFormatError(file, last, `no "${key}:" row: the summary is cut short`)
  }
  const cpus: number[] = cores
  const histograms: MeasuredHistogram[] = cpus.map((cpu, c) => ({
    task: `oslat cpu${cpu}`,
    cpu,
    buckets: rows.map((r): [number, number] => [Math.round(r.us * US), r.counts[c]]).filter(([, n]) => n > 0),
    // the last bucket already holds them ("including overflows"): counted there, at its edge
    overflows: 0,
    overflowFloorNs: null,
    minNs: Math.round(fields.get('Minimum')![c] * US),
    meanNs: Math.round(fields.get('Average')![c] * US),
    maxNs: Math.round(fields.get('Maximum')![c] * US)
  }))
  const seconds = Math.max(...fields.get('Duration')!)
  return { format: 'oslat-text', tool: 'oslat', mode: 'polling', durationNs: Math.round(seconds * 1e9), histograms }
}
