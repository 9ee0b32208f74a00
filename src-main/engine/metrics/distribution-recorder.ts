// A latency-like distribution in ns: exact count/min/max/mean, percentiles from an HDR histogram
// (3 significant digits), which is also exported whole as compressed base64 in hdr-histogram-js's format.
// Recording is on the hot path, so counts go into this class's own array laid out exactly like an
// HDR histogram's (lowest discernible value 1, 2048 sub-buckets); percentiles and the export are computed
// from those counts once, when the summary is asked for (hdr-encode.ts).
import type { DistributionNs } from '../../../src-shared/results/types'
import { encodeHdrCompressedBase64 } from './hdr-encode'
import { DOUBLE_ZERO } from '../sim/double-zero'

/** 3 significant digits: 2 * 10^3 rounded up to a power of two = 2048 sub-buckets, half = 2^10 */
const SUB_BUCKET_HALF_MAGNITUDE = 10
const SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE
const SUB_BUCKET_COUNT = 2 * SUB_BUCKET_HALF
const TWO_POW_32 = 4294967296
const TWO_POW_31 = 2147483648

/** floor(log2(v)) for an integer 1 ≤ v < 2^53 */
function log2Floor(v: number): number {
  return v < TWO_POW_32 ? 31 - Math.clz32(v) : 63 - Math.clz32(Math.floor(v / TWO_POW_32))
}

/** The HDR counts index of an integer value (countsArrayIndex of JsHistogram, unit magnitude 0). */
function countsIndex(v: number): number {
  if (v < SUB_BUCKET_COUNT) return v
  const bucket = log2Floor(v) - SUB_BUCKET_HALF_MAGNITUDE
  const sub = v < TWO_POW_31 ? v >> bucket : Math.floor(v / 2 ** bucket)
  return (bucket + 1) * SUB_BUCKET_HALF + (sub - SUB_BUCKET_HALF)
}

/** The lowest value that falls into counts index `i`. */
function valueAtIndex(i: number): number {
  if (i < SUB_BUCKET_COUNT) return i
  const bucket = Math.floor(i / SUB_BUCKET_HALF) - 1
  const sub = (i % SUB_BUCKET_HALF) + SUB_BUCKET_HALF
  return sub * 2 ** bucket
}

export class DistributionRecorder {
  private counts = new Float64Array(SUB_BUCKET_COUNT)
  count = DOUBLE_ZERO
  private min = Infinity
  private max = DOUBLE_ZERO
  private sum = DOUBLE_ZERO

  record(valueNs: number, times = 1): void {
    if (times <= 0) return
    const v = valueNs > 0 ? Math.round(valueNs) : 0
    const i = countsIndex(v)
    if (i >= this.counts.length) this.grow(i)
    this.counts[i] += times
    this.count += times
    this.sum += v * times
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
  }

  /**
   * Adds another recorder's samples, as if they had been recorded here. Exact: counts add bucket by bucket,
   * and the sum of integer values stays an integer below 2^53, so the mean does not depend on merge order.
   */
  mergeFrom(other: DistributionRecorder): void {
    if (other.count === 0) return
    // the scalars before the counts: V8 compiles the long loop while it runs (on-stack replacement), and code
    // after it that had never run deoptimised at every later merge, 38 times at the end of a heavy run
    // (BENCHMARKS.md, "Deoptimisations within a run and between jobs")
    this.count += other.count
    this.sum += other.sum
    if (other.min < this.min) this.min = other.min
    if (other.max > this.max) this.max = other.max
    if (other.counts.length > this.counts.length) this.grow(other.counts.length - 1)
    for (let i = 0; i < other.counts.length; i++) this.counts[i] += other.counts[i]
  }

  summary(): DistributionNs {
    // as the 32-bit hdr-histogram-js histogram of highestTrackableValue max(2, max) that these counts were once
    // replayed into encoded them: its counts end at the bucket of the highest value recorded
    const encoded = encodeHdrCompressedBase64(this.counts, this.count === 0 ? 1 : countsIndex(this.max) + 1, Math.max(2, this.max))
    if (this.count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p99: 0, p999: 0, p9999: 0, max: 0, hdr: encoded }
    const [p50, p99, p999, p9999] = this.valuesAtPercentiles([50, 99, 99.9, 99.99])
    return { count: this.count, min: this.min, mean: Math.round(this.sum / this.count), p50, p99, p999, p9999, max: this.max, hdr: encoded }
  }

  /**
   * getValueAtPercentile() of hdr-histogram-js on these counts, for ascending percentiles in one pass: the
   * highest equivalent value of the bucket reached, clamped into the exact [min, max].
   */
  private valuesAtPercentiles(percentiles: number[]): number[] {
    const out: number[] = []
    let total = 0
    let i = -1
    for (const percentile of percentiles) {
      const fp = (Math.min(percentile, 100) / 100) * this.count
      // round up, guarding against a 1-ulp overshoot of the floating-point product (as HdrHistogram does)
      const target = Math.max(Math.ceil(fp - 2 ** (Math.floor(Math.log2(fp)) - 52)), 1)
      while (total < target && i + 1 < this.counts.length) total += this.counts[++i]
      const value = i < SUB_BUCKET_COUNT ? i : valueAtIndex(i) + 2 ** (Math.floor(i / SUB_BUCKET_HALF) - 1) - 1
      out.push(Math.min(this.max, Math.max(this.min, value)))
    }
    return out
  }

  /**
   * Grows to hold `index`, at least doubling: a histogram of ns values spans ~20 buckets of 1024 counts,
   * and growing one bucket at a time copied the array again for every new bucket.
   */
  private grow(index: number): void {
    const n = Math.max((Math.floor(index / SUB_BUCKET_HALF) + 1) * SUB_BUCKET_HALF, 2 * this.counts.length)
    const counts = new Float64Array(n)
    counts.set(this.counts)
    this.counts = counts
  }
}
