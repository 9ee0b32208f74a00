// What every measurement parser returns: one latency histogram per measured thread or CPU column, in ns,
// plus what the file says about where and how it was measured. measured-results.ts turns it into a
// results document.
import type { MeasurementFormat } from '../../../src-shared/results/types'

export interface MeasuredHistogram {
  /** "cyclictest T0", "oslat cpu1", "timerlat thread cpu0", … */
  task: string
  cpu: number | null
  /** [value at which the bucket's samples are recorded (ns), samples], ascending */
  buckets: Array<[number, number]>
  /** samples beyond the last bucket; recorded at overflowFloorNs, the least they can be */
  overflows: number
  overflowFloorNs: number | null
  /** exact figures the tool printed, when it printed them (a bucket only bounds a sample) */
  minNs?: number
  meanNs?: number
  maxNs?: number
}

export interface ParsedMeasurement {
  format: MeasurementFormat
  tool: 'cyclictest' | 'oslat' | 'rtla timerlat' | 'rtla osnoise'
  /** periodic wakeups (cyclictest, timerlat) or a busy loop's gaps (oslat, osnoise) */
  mode: 'periodic' | 'polling'
  command?: string
  host?: string
  kernelRelease?: string
  durationNs?: number
  /** the wakeup period in µs when the file says it (cyclictest -i in a --json command line) */
  periodUs?: number
  histograms: MeasuredHistogram[]
}
