// The worst latency sample of the run with its rtla-style breakdown (timer, interference by source,
// queueing behind the previous job) — the parts sum to the sample.
import type { WorstSample } from '../../../src-shared/results/types'
import { sampleBreakdown } from './sample-breakdown'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class WorstSampleTracker {
  valueNs = DOUBLE_ZERO
  private sample: Omit<WorstSample, 'timeline'> | null = null

  /** Offers a job's wakeup latency; returns true when it is the new worst. */
  offer(task: string, cpu: number, releaseNs: number, latencyNs: number, timerNs: number, bySource: Float64Array): boolean {
    if (latencyNs <= this.valueNs) return false
    this.valueNs = latencyNs
    const breakdown = sampleBreakdown(latencyNs, bySource, timerNs, 0)
    this.sample = { task, cpu, metric: 'latency', releaseNs: Math.round(releaseNs), valueNs: Math.round(latencyNs), breakdown }
    return true
  }

  result(timeline: WorstSample['timeline']): WorstSample | null {
    return this.sample === null ? null : { ...this.sample, timeline }
  }
}
