// The timeline as Chrome trace-event JSON (Perfetto and chrome://tracing open it): one process per
// variant, for its run with the worst latency sample (its first run when none has one), with a track per
// CPU across the recorded timeline (trace-timeline.ts) and the worst sample marked on its CPU. A run
// without a timeline (the live engine, results written before it) gives the worst sample's excerpt.
import type { ExperimentResults, RunResult, WorstSample } from '../../../src-shared/results/types'
import { runsByVariant } from '../../../src-shared/charts/select-jobs'
import { worstRun } from '../../../src-shared/results/worst-run'
import { us, type TraceEvent } from './trace-event'
import { timelineTraceEvents } from './trace-timeline'

export function traceEvents(results: ExperimentResults): { traceEvents: TraceEvent[]; displayTimeUnit: 'ns'; metadata: Record<string, unknown> } {
  const events: TraceEvent[] = []
  const windows: Record<string, unknown> = {}
  runsByVariant(results).forEach(({ variant, runs }, index) => {
    const run = worstRun(runs)
    const pid = index + 1
    events.push({ name: 'process_name', ph: 'M', pid, tid: 0, args: { name: `${variant} (seed ${run.seed})` } })
    events.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: pid } })
    if (run.timeline !== undefined) {
      events.push(...timelineTraceEvents(run.timeline, pid))
      windows[variant] = run.timeline.windows
    } else if (run.worst !== null) {
      events.push(...excerptTraceEvents(run.worst, pid))
    }
    if (run.worst !== null) events.push(worstMarker(run.worst, pid))
  })
  return {
    traceEvents: events,
    displayTimeUnit: 'ns',
    metadata: { generator: 'drainlab', engineVersion: results.engineVersion, profile: results.profile.name, timelineWindows: windows }
  }
}

function worstMarker(worst: WorstSample, pid: number): TraceEvent {
  return {
    name: `worst ${worst.metric} ${worst.valueNs} ns (${worst.task})`,
    ph: 'i',
    s: 't',
    pid,
    tid: worst.cpu,
    ts: us(worst.releaseNs),
    args: { breakdown: worst.breakdown }
  }
}

/** The worst sample's excerpt (RunResult without a timeline): one track per CPU it covers. */
function excerptTraceEvents(worst: NonNullable<RunResult['worst']>, pid: number): TraceEvent[] {
  const events: TraceEvent[] = []
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
  return events
}
