// A latency-like distribution in ns: exact count/min/max/mean, percentiles from an HDR histogram
// (hdr-histogram-js, 3 significant digits), which is also exported whole as compressed base64.
import * as hdr from 'hdr-histogram-js'
import type { DistributionNs } from '../../../src-shared/results/types'

export class DistributionRecorder {
  private readonly histogram = hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3, useWebAssembly: false })
  count = 0
  private min = Infinity
  private max = 0
  private sum = 0

  record(valueNs: number, times = 1): void {
    if (times <= 0) return
    const v = valueNs > 0 ? Math.round(valueNs) : 0
    if (times === 1) this.histogram.recordValue(v)
    else this.histogram.recordValueWithCount(v, times)
    this.count += times
    this.sum += v * times
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
  }

  get maxValue(): number {
    return this.max
  }

  summary(): DistributionNs {
    if (this.count === 0) return { count: 0, min: 0, mean: 0, p50: 0, p99: 0, p999: 0, p9999: 0, max: 0, hdr: hdr.encodeIntoCompressedBase64(this.histogram) }
    // HDR percentiles are bucket-equivalent values: clamp into the exact [min, max]
    const at = (p: number) => Math.min(this.max, Math.max(this.min, this.histogram.getValueAtPercentile(p)))
    return {
      count: this.count,
      min: this.min,
      mean: Math.round(this.sum / this.count),
      p50: at(50),
      p99: at(99),
      p999: at(99.9),
      p9999: at(99.99),
      max: this.max,
      hdr: hdr.encodeIntoCompressedBase64(this.histogram)
    }
  }
}
