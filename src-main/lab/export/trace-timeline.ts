// A run's timeline (RunTimeline, docs/timeline.md) as trace events of one process: per CPU a track of what
// it executes, and where used, tracks of its pcp->lock held by a remote drainer, of its owner spinning or
// falling back, and of the drain_all_pages() calls it makes (and their waits for pcpu_drain_mutex); flow arrows from each call to the work it
// caused on every target CPU. Idle is left out: an empty stretch of a CPU track is idle, as in a sched trace.
import type { RunTimeline } from '../../../src-shared/results/types'
import { decodeTimeline } from '../../../src-shared/results/timeline-columns'
import { TIMELINE_KINDS, type TimelineKind } from '../../../src-shared/results/timeline-kinds'
import { us, type TraceEvent } from './trace-event'

/** The tracks of a CPU, in display order; the CPU's own track has tid = cpu. */
const TRACKS = ['cpu', 'pcp-lock', 'owner', 'drain-calls'] as const
type Track = (typeof TRACKS)[number]
const TRACK_NAMES: Record<Track, string> = {
  cpu: '',
  'pcp-lock': ' pcp->lock held by a remote drainer',
  owner: ' owner: pcp->lock spin / buddy fallback',
  'drain-calls': ' drain_all_pages() calls'
}
/** tids of a CPU's other tracks: above any CPU number (machine.cpus ≤ 1024) */
const TID_STRIDE = 100_000
/** the drain_all_pages() call is drawn as a 1 ns slice so that its flow arrows have a slice to start from */
const CALL_NS = 1

const tidOf = (cpu: number, track: Track) => TRACKS.indexOf(track) * TID_STRIDE + cpu

/** Kinds whose segment on a target CPU is drain work a flow arrow points to. */
const DRAIN_WORK = new Set(['ipi', 'kworker', 'kworker-drain', 'remote-drain'])

function trackOf(kind: TimelineKind): Track {
  if (kind.layer === 'instant') return kind.name.startsWith('drain-') ? 'drain-calls' : 'cpu'
  if (kind.layer === 'caller') return 'drain-calls'
  return kind.layer
}

export function timelineTraceEvents(t: RunTimeline, pid: number): TraceEvent[] {
  const c = decodeTimeline(t)
  const kinds = t.kinds.map((name): TimelineKind => TIMELINE_KINDS.find((k) => k.name === name) ?? { name, layer: 'cpu', label: name, source: null })
  const events: TraceEvent[] = []
  const usedTracks = new Set<number>()
  const role = new Map(t.cpus.map((x) => [x.cpu, x.role]))
  /** per drain_all_pages() call: where it was requested */
  const requests = new Map<number, { cpu: number; ns: number }>()
  /** per call and target CPU: its first drain work there */
  const firstWork = new Map<string, { tid: number; ns: number }>()
  for (let i = 0; i < c.cpu.length; i++) {
    const kind = kinds[c.kind[i]]
    if (kind.name === 'idle') continue
    const cpu = c.cpu[i]
    const track = trackOf(kind)
    const tid = tidOf(cpu, track)
    usedTracks.add(tid)
    const start = c.startNs[i]
    const drain = c.drain[i]
    const args = argsOf(kind, drain)
    if (kind.name === 'drain-request') {
      requests.set(drain, { cpu, ns: start })
      events.push({ name: `drain_all_pages() #${drain}`, cat: kind.name, ph: 'X', pid, tid, ts: us(start), dur: us(CALL_NS), args })
    } else if (kind.layer === 'instant') {
      events.push({ name: drain > 0 ? `${kind.label} #${drain}` : kind.label, cat: kind.name, ph: 'i', s: 't', pid, tid, ts: us(start), args })
    } else {
      events.push({ name: kind.label, cat: kind.name, ph: 'X', pid, tid, ts: us(start), dur: us(c.durationNs[i]), args })
      if (drain > 0 && DRAIN_WORK.has(kind.name)) {
        const key = `${drain}:${cpu}`
        const seen = firstWork.get(key)
        if (seen === undefined || start < seen.ns) firstWork.set(key, { tid, ns: start })
      }
    }
  }
  let flowId = 0
  for (const [key, work] of firstWork) {
    const request = requests.get(Number(key.split(':')[0]))
    if (request === undefined) continue
    flowId++
    const name = 'drain request → work'
    events.push({ name, cat: 'drain-flow', ph: 's', id: flowId, pid, tid: tidOf(request.cpu, 'drain-calls'), ts: us(request.ns) })
    events.push({ name, cat: 'drain-flow', ph: 'f', bp: 'e', id: flowId, pid, tid: work.tid, ts: us(work.ns) })
  }
  return [...trackNames(t, usedTracks, role, pid), ...events]
}

/** What ts and dur (fractional µs, exact to the ns) do not say: the interference source, the drain_all_pages() call. */
function argsOf(kind: TimelineKind, drain: number): TraceEvent['args'] {
  if (kind.source === null && drain === 0) return undefined
  return { ...(kind.source !== null && { cause: kind.source }), ...(drain > 0 && { drain }) }
}

/** thread_name and thread_sort_index of every CPU's own track and of its other tracks in use. */
function trackNames(t: RunTimeline, used: ReadonlySet<number>, role: ReadonlyMap<number, string>, pid: number): TraceEvent[] {
  const out: TraceEvent[] = []
  for (const { cpu } of t.cpus) {
    TRACKS.forEach((track, index) => {
      const tid = tidOf(cpu, track)
      if (track !== 'cpu' && !used.has(tid)) return
      const name = track === 'cpu' ? `CPU ${cpu} (${role.get(cpu)})` : `CPU ${cpu}${TRACK_NAMES[track]}`
      out.push({ name: 'thread_name', ph: 'M', pid, tid, args: { name } })
      out.push({ name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: cpu * TRACKS.length + index } })
    })
  }
  return out
}
