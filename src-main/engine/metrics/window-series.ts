// Values per fixed window of simulated time (OSADL max-per-window plots, misses per window).
import type { WindowSeries } from '../../../src-shared/results/types'

export class WindowSeriesRecorder {
  private readonly values: Float64Array

  constructor(private readonly windowNs: number, durationNs: number, private readonly mode: 'max' | 'sum') {
    this.values = new Float64Array(Math.max(1, Math.ceil(durationNs / windowNs)))
  }

  record(tNs: number, value: number): void {
    const i = Math.min(this.values.length - 1, Math.floor(tNs / this.windowNs))
    if (this.mode === 'max') {
      if (value > this.values[i]) this.values[i] = value
    } else {
      this.values[i] += value
    }
  }

  /** The series up to `endNs` (a partial run keeps only the windows it reached). */
  result(endNs: number): WindowSeries {
    const n = Math.min(this.values.length, Math.max(1, Math.ceil(endNs / this.windowNs)))
    return { windowNs: this.windowNs, values: Array.from(this.values.subarray(0, n), Math.round) }
  }
}
