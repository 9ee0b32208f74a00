// The worst latency sample of the run with its rtla-style breakdown (timer, interference by source,
// queueing behind the previous job) — the parts sum to the sample.
import { INTERFERENCE_SOURCES, type WorstSample } from '../../../src-shared/results/types'
import { SOURCE_COUNT } from './interference-source'

export class WorstSampleTracker {
  valueNs = 0
  private sample: Omit<WorstSample, 'timeline'> | null = null

  /** Offers a job's wakeup latency; returns true when it is the new worst. */
  offer(task: string, cpu: number, releaseNs: number, latencyNs: number, timerNs: number, bySource: Float64Array): boolean {
    if (latencyNs <= this.valueNs) return false
    this.valueNs = latencyNs
    const parts: WorstSample['breakdown'] = []
    let rest = latencyNs
    for (let i = 0; i < SOURCE_COUNT && rest > 0; i++) {
      const ns = Math.min(rest, Math.round(bySource[i]))
      if (ns > 0) {
        parts.push({ source: INTERFERENCE_SOURCES[i], ns })
        rest -= ns
      }
    }
    const timer = Math.min(rest, Math.round(timerNs))
    if (timer > 0) {
      parts.push({ source: 'timer', ns: timer })
      rest -= timer
    }
    if (rest > 0) parts.push({ source: 'queueing', ns: rest })
    parts.sort((a, b) => b.ns - a.ns)
    this.sample = { task, cpu, metric: 'latency', releaseNs: Math.round(releaseNs), valueNs: Math.round(latencyNs), breakdown: parts }
    return true
  }

  result(timeline: WorstSample['timeline']): WorstSample | null {
    return this.sample === null ? null : { ...this.sample, timeline }
  }
}
