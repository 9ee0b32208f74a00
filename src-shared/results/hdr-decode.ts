// HDR histograms of the results (hdr-histogram-js, base64) back into numbers charts and CSV can use.
// hdr-histogram-js is pure JS: in Node it inflates with zlib through a runtime `require`, in the browser
// bundle with pako; neither is imported here, so src-shared stays environment-free.
import { build, decodeFromCompressedBase64, JsHistogram, type Histogram } from 'hdr-histogram-js'

export interface ValueCount {
  /** the highest value equivalent to the recorded ones (ns) */
  valueNs: number
  count: number
}

function decode(hdr: string): Histogram | null {
  if (hdr === '') return null
  return decodeFromCompressedBase64(hdr, 32, false)
}

/**
 * Several histograms added into one (all seeds and tasks of a variant); null when there is none. A decoded
 * histogram only covers the range its own values needed, so they are added into a fresh auto-resizing one.
 */
export function mergeHdr(hdrs: readonly string[]): Histogram | null {
  let merged: Histogram | null = null
  for (const hdr of hdrs) {
    const h = decode(hdr)
    if (h === null) continue
    merged ??= build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 2, autoResize: true, numberOfSignificantValueDigits: 3, useWebAssembly: false })
    merged.add(h)
  }
  return merged
}

/** The recorded values with their counts, ascending. */
export function recordedValues(h: Histogram): ValueCount[] {
  if (!(h instanceof JsHistogram)) throw new Error('decoded histogram is not a JS histogram')
  const out: ValueCount[] = []
  const it = h.recordedValuesIterator
  it.reset()
  while (it.hasNext()) {
    const v = it.next()
    out.push({ valueNs: v.valueIteratedTo, count: v.countAtValueIteratedTo })
  }
  return out
}

export interface LinearClass {
  /** lower bound of the class, ns */
  fromNs: number
  count: number
}

/** A class width from 1-2-5 steps that keeps the classes at or under maxClasses (OSADL uses 1 µs classes). */
export function classWidthNs(maxNs: number, maxClasses: number, minWidthNs: number): number {
  const steps = [1, 2, 5]
  for (let decade = minWidthNs; ; decade *= 10) {
    for (const step of steps) {
      const width = step * decade
      if (maxNs / width <= maxClasses) return width
    }
  }
}

/** Linear classes [k*width, (k+1)*width), every class up to the maximum included (zero counts too). */
export function linearClasses(values: readonly ValueCount[], widthNs: number): LinearClass[] {
  if (values.length === 0) return []
  const last = Math.floor(values[values.length - 1].valueNs / widthNs)
  const counts = new Array<number>(last + 1).fill(0)
  for (const v of values) counts[Math.floor(v.valueNs / widthNs)] += v.count
  return counts.map((count, k) => ({ fromNs: k * widthNs, count }))
}

export interface LogClass {
  fromNs: number
  toNs: number
  count: number
}

/**
 * Logarithmic classes, `perDecade` per factor of ten, from the smallest to the largest value: for quantities
 * that span decades (a drain takes 20 µs or a second), where linear classes would put everything in the first.
 */
export function logClasses(values: readonly ValueCount[], perDecade: number): LogClass[] {
  const positive = values.filter((v) => v.valueNs > 0)
  if (positive.length === 0) return []
  const indexOf = (ns: number) => Math.floor(Math.log10(ns) * perDecade + 1e-9)
  const first = indexOf(positive[0].valueNs)
  const last = indexOf(positive[positive.length - 1].valueNs)
  const counts = new Array<number>(last - first + 1).fill(0)
  for (const v of positive) counts[indexOf(v.valueNs) - first] += v.count
  return counts.map((count, i) => ({ fromNs: 10 ** ((first + i) / perDecade), toNs: 10 ** ((first + i + 1) / perDecade), count }))
}

/** Percentiles on a "nines" grid: x = -log10(1 - p), from p = 0 to the last percentile the count supports. */
export function ninesCurve(h: Histogram, stepsPerNine = 20): Array<{ nines: number; valueNs: number }> {
  const count = h.totalCount
  if (count === 0) return []
  const maxNines = Math.max(1, Math.log10(count))
  const out: Array<{ nines: number; valueNs: number }> = []
  for (let i = 0; i <= Math.ceil(maxNines * stepsPerNine); i++) {
    const nines = Math.min(i / stepsPerNine, maxNines)
    const percentile = 100 * (1 - 10 ** -nines)
    out.push({ nines, valueNs: h.getValueAtPercentile(percentile) })
  }
  out.push({ nines: maxNines, valueNs: h.maxValue })
  return out
}
