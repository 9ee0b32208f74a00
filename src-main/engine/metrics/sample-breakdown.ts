// rtla-style breakdown of one sample of a realtime task (a wakeup latency or a response): the interference
// by source the job was charged, the hrtimer's expiry latency, the job's own run, and what is left, which is
// the job queueing behind the previous one. Each part is capped by what the sample has left, so the parts
// always sum to the sample.
import { INTERFERENCE_SOURCES, type WorstSample } from '../../../src-shared/results/types'
import { SOURCE_COUNT } from './interference-source'

/** The parts of a sample of `valueNs`, largest first; `runtimeNs` is 0 for a wakeup latency (the job had not run). */
export function sampleBreakdown(valueNs: number, bySource: Float64Array, timerNs: number, runtimeNs: number): WorstSample['breakdown'] {
  const parts: WorstSample['breakdown'] = []
  let rest = valueNs
  for (let i = 0; i < SOURCE_COUNT && rest > 0; i++) {
    const ns = Math.min(rest, Math.round(bySource[i]))
    if (ns > 0) {
      parts.push({ source: INTERFERENCE_SOURCES[i], ns })
      rest -= ns
    }
  }
  const take = (source: 'timer' | 'runtime', ns: number) => {
    const part = Math.min(rest, Math.round(ns))
    if (part <= 0) return
    parts.push({ source, ns: part })
    rest -= part
  }
  take('timer', timerNs)
  take('runtime', runtimeNs)
  if (rest > 0) parts.push({ source: 'queueing', ns: rest })
  return parts.sort((a, b) => b.ns - a.ns)
}
