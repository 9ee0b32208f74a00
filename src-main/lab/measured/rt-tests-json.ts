// The --json files of cyclictest and oslat (rt-tests src/lib/rt-utils.c rt_write_json() and each tool's
// write_stats/write_summary_json): the command line ("cmdline:", colon included, as rt-tests writes it), the
// host's uname, start and end times, and per thread its cpu, min/avg/max and a histogram of non-empty
// buckets only ("µs": count).
//   cyclictest: keys are the truncated µs of a bucket; "cycles" counts every loop, so the samples missing
//     from the histogram are its overflows (≥ the -h size).
//   oslat: keys are each bucket's upper edge in µs (bucket_to_lat()); the last bucket holds the overflows.
import type { MeasuredHistogram, ParsedMeasurement } from './measured-histogram'
import { MeasurementFormatError } from './measurement-format-error'

const US = 1000

type Json = Record<string, unknown>

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The line of a key in the file, so an error names where the bad value is (JSON.parse keeps no positions). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle)
  return at < 0 ? 1 : text.slice(0, at).split('\n').length
}

function numberField(thread: Json, key: string, where: string, text: string, file: string): number {
  const v = thread[key]
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new MeasurementFormatError(file, lineOf(text, `"${key}"`), `${where}: "${key}" must be a number ≥ 0 (got ${JSON.stringify(v)})`)
  return v
}

/** An option's value in a command line: "-h 200", "-h200", "--histogram=200", "--histogram 200". */
export function optionValue(command: string, short: string, long: string): number | undefined {
  const words = command.trim().split(/\s+/)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    let value: string | undefined
    if (w === `-${short}` || w === `--${long}`) value = words[i + 1]
    else if (w.startsWith(`--${long}=`)) value = w.slice(long.length + 3)
    else if (w.startsWith(`-${short}`) && !w.startsWith('--') && /^\d+$/.test(w.slice(2))) value = w.slice(2)
    if (value !== undefined && /^\d+$/.test(value)) return Number(value)
  }
  return undefined
}

function histogramOf(thread: Json, where: string, text: string, file: string): Array<[number, number]> {
  const h = thread.histogram
  if (!isObject(h)) throw new MeasurementFormatError(file, lineOf(text, '"histogram"'), `${where} has no "histogram" object`)
  const buckets: Array<[number, number]> = []
  for (const [key, count] of Object.entries(h)) {
    const us = Number(key)
    if (!Number.isFinite(us) || us < 0 || typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new MeasurementFormatError(file, lineOf(text, `"${key}": ${String(count)}`), `${where}: bucket "${key}": ${JSON.stringify(count)} is not a µs value with a whole count`)
    }
    buckets.push([Math.round(us * US), count])
  }
  return buckets.sort((a, b) => a[0] - b[0])
}

function threadsOf(doc: Json, text: string, file: string): Array<[string, Json]> {
  if (!isObject(doc.thread)) throw new MeasurementFormatError(file, lineOf(text, '"thread"'), 'no "thread" object: not an rt-tests --json file')
  return Object.entries(doc.thread).map(([id, t]) => {
    if (!isObject(t)) throw new MeasurementFormatError(file, lineOf(text, `"${id}"`), `thread "${id}" is not an object`)
    return [id, t]
  })
}

function durationOf(doc: Json): number | undefined {
  const start = typeof doc.start_time === 'string' ? Date.parse(doc.start_time) : Number.NaN
  const end = typeof doc.end_time === 'string' ? Date.parse(doc.end_time) : Number.NaN
  return Number.isFinite(start) && Number.isFinite(end) && end >= start ? (end - start) * 1e6 : undefined
}

function common(doc: Json): Pick<ParsedMeasurement, 'command' | 'host' | 'kernelRelease' | 'durationNs'> {
  const sysinfo = isObject(doc.sysinfo) ? doc.sysinfo : {}
  const command = doc['cmdline:'] ?? doc.cmdline
  return {
    command: typeof command === 'string' ? command : undefined,
    host: typeof sysinfo.nodename === 'string' ? sysinfo.nodename : undefined,
    kernelRelease: typeof sysinfo.release === 'string' ? sysinfo.release : undefined,
    durationNs: durationOf(doc)
  }
}

export function parseCyclictestJson(doc: Json, text: string, file: string): ParsedMeasurement {
  const about = common(doc)
  const histogramUs = about.command === undefined ? undefined : optionValue(about.command, 'h', 'histogram') ?? optionValue(about.command, 'H', 'histofall')
  const histograms: MeasuredHistogram[] = threadsOf(doc, text, file).map(([id, t]) => {
    const where = `thread ${id}`
    const buckets = histogramOf(t, where, text, file)
    const cycles = numberField(t, 'cycles', where, text, file)
    const bucketed = buckets.reduce((s, [, n]) => s + n, 0)
    if (bucketed > cycles) throw new MeasurementFormatError(file, lineOf(text, '"cycles"'), `${where}: its buckets hold ${bucketed} samples, more than its ${cycles} cycles`)
    const overflows = cycles - bucketed
    // without -h in the command line the histogram's size is unknown; past the last bucket is the least an overflow can be
    const floorUs = histogramUs ?? (buckets.length === 0 ? 0 : buckets[buckets.length - 1][0] / US + 1)
    const cpu = typeof t.cpu === 'number' && t.cpu >= 0 ? t.cpu : null
    return {
      task: `cyclictest T${id}`,
      cpu,
      buckets,
      overflows,
      overflowFloorNs: overflows > 0 ? floorUs * US : null,
      minNs: numberField(t, 'min', where, text, file) * US,
      meanNs: numberField(t, 'avg', where, text, file) * US,
      maxNs: numberField(t, 'max', where, text, file) * US
    }
  })
  const periodUs = about.command === undefined ? undefined : optionValue(about.command, 'i', 'interval')
  // without -i cyclictest wakes every 1000 µs (its default interval)
  return { format: 'cyclictest-json', tool: 'cyclictest', mode: 'periodic', ...about, periodUs: periodUs ?? 1000, histograms }
}

export function parseOslatJson(doc: Json, text: string, file: string): ParsedMeasurement {
  const histograms: MeasuredHistogram[] = threadsOf(doc, text, file).map(([id, t]) => {
    const where = `thread ${id}`
    const cpu = numberField(t, 'cpu', where, text, file)
    return {
      task: `oslat cpu${cpu}`,
      cpu,
      buckets: histogramOf(t, where, text, file),
      // oslat puts overflows into its last bucket (insert_bucket()), so they are already counted there
      overflows: 0,
      overflowFloorNs: null,
      minNs: numberField(t, 'min', where, text, file) * US,
      meanNs: numberField(t, 'avg', where, text, file) * US,
      maxNs: numberField(t, 'max', where, text, file) * US
    }
  })
  // each thread's own "duration" is the measured span; start/end times also cover oslat's pre-heat
  const seconds = Math.max(0, ...threadsOf(doc, text, file).map(([id, t]) => numberField(t, 'duration', `thread ${id}`, text, file)))
  return { format: 'oslat-json', tool: 'oslat', mode: 'polling', ...common(doc), durationNs: Math.round(seconds * 1e9), histograms }
}
