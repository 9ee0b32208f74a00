// The worst-case timeline as Chrome trace-event JSON (Perfetto and chrome://tracing open it): one process
// per variant, one thread track per CPU, complete ('X') events with µs timestamps.
import type { ExperimentResults } from '../../../src-shared/results/types'
import { worstByVariant } from '../../../src-shared/charts/worst-breakdown'

interface TraceEvent {
  name: string
  ph: 'X' | 'M' | 'i'
  pid: number
  tid: number
  ts?: number
  dur?: number
  cat?: string
  s?: 't' | 'p' | 'g'
  args?: Record<string, unknown>
}

/** Trace-event timestamps are µs; fractions keep the ns precision. */
const us = (ns: number) => ns / 1000

export function traceEvents(results: ExperimentResults): { traceEvents: TraceEvent[]; displayTimeUnit: 'ns'; metadata: Record<string, unknown> } {
  const events: TraceEvent[] = []
  worstByVariant(results).forEach(({ variant, seed, worst }, index) => {
    const pid = index + 1
    events.push({ name: 'process_name', ph: 'M', pid, tid: 0, args: { name: `${variant} (seed ${seed})` } })
    events.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: pid } })
    const cpus = [...new Set(worst.timeline.map((s) => s.cpu))].sort((a, b) => a - b)
    for (const cpu of cpus) {
      events.push({ name: 'thread_name', ph: 'M', pid, tid: cpu, args: { name: `CPU ${cpu}` } })
      events.push({ name: 'thread_sort_index', ph: 'M', pid, tid: cpu, args: { sort_index: cpu } })
    }
    for (const seg of worst.timeline) {
      events.push({
        name: seg.label === '' ? seg.lane : seg.label,
        cat: seg.lane,
        ph: 'X',
        pid,
        tid: seg.cpu,
        ts: us(seg.startNs),
        dur: us(Math.max(0, seg.endNs - seg.startNs)),
        args: { lane: seg.lane, startNs: seg.startNs, endNs: seg.endNs }
      })
    }
    events.push({
      name: `worst ${worst.metric} ${worst.valueNs} ns (${worst.task})`,
      ph: 'i',
      s: 't',
      pid,
      tid: worst.cpu,
      ts: us(worst.releaseNs),
      args: { breakdown: worst.breakdown }
    })
  })
  return {
    traceEvents: events,
    displayTimeUnit: 'ns',
    metadata: { generator: 'drainlab', engineVersion: results.engineVersion, profile: results.profile.name }
  }
}
