// Samples at irregular times in growable typed arrays, decimated at the end (min and max per bucket)
// so the exported series stays bounded however long the run.
import type { SampledSeries } from '../../../src-shared/results/types'

export const MAX_SERIES_POINTS = 2000

export class SampledSeriesRecorder {
  private t = new Float64Array(256)
  private v = new Float64Array(256)
  private n = 0

  record(tNs: number, value: number): void {
    if (this.n === this.t.length) {
      const t = new Float64Array(this.n * 2)
      const v = new Float64Array(this.n * 2)
      t.set(this.t)
      v.set(this.v)
      this.t = t
      this.v = v
    }
    this.t[this.n] = tNs
    this.v[this.n] = value
    this.n++
  }

  result(): SampledSeries {
    if (this.n <= MAX_SERIES_POINTS) {
      return { tNs: Array.from(this.t.subarray(0, this.n), Math.round), values: Array.from(this.v.subarray(0, this.n), Math.round) }
    }
    const tNs: number[] = []
    const values: number[] = []
    const buckets = MAX_SERIES_POINTS / 2
    const per = this.n / buckets
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor(b * per)
      const to = Math.min(this.n, Math.floor((b + 1) * per))
      if (to <= from) continue
      let lo = from
      let hi = from
      for (let i = from; i < to; i++) {
        if (this.v[i] < this.v[lo]) lo = i
        if (this.v[i] > this.v[hi]) hi = i
      }
      const first = Math.min(lo, hi)
      const second = Math.max(lo, hi)
      tNs.push(Math.round(this.t[first]))
      values.push(Math.round(this.v[first]))
      if (second !== first) {
        tNs.push(Math.round(this.t[second]))
        values.push(Math.round(this.v[second]))
      }
    }
    return { tNs, values }
  }
}
