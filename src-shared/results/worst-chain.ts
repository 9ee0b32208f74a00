// The causal chain of a worst sample read off the run timeline, as rtla's auto-analysis tells it: what held
// the sample's CPU between the job's release and its start, and the drain_all_pages() call that put it there
// ("drain_all_pages() #12 requested by reclaim on CPU 0 at 69.2 ms → IPI 2.00 µs → kworker wake / context
// switch 3.00 µs → drain_local_pages_wq: free_pcppages_bulk, IRQs off 57.5 µs").
import { formatNs } from '../units'
import type { DrainSourceKind } from '../profile/schema'
import { decodeTimeline } from './timeline-columns'
import { TIMELINE_KINDS } from './timeline-kinds'
import type { RunTimeline, WorstSample } from './types'

export interface WorstChain {
  /** the drain_all_pages() call whose work held the CPU, null when none did */
  request: { drain: number; source: DrainSourceKind; cpu: number; atNs: number } | null
  /** what held the CPU from the release to the start, in order, each clipped to that span */
  steps: Array<{ label: string; ns: number; drain: number }>
  text: string
}

export function worstChain(t: RunTimeline, worst: WorstSample): WorstChain {
  const c = decodeTimeline(t)
  const from = worst.releaseNs
  const until = worst.releaseNs + worst.valueNs
  const kinds = t.kinds.map((name) => TIMELINE_KINDS.find((k) => k.name === name))
  const kindOf = (i: number) => kinds[c.kind[i]]
  const held: number[] = []
  for (let i = 0; i < t.count; i++) {
    const kind = kindOf(i)
    if (c.cpu[i] !== worst.cpu || kind?.layer !== 'cpu' || kind.name === 'rt' || kind.name === 'idle') continue
    const start = c.startNs[i]
    if (start < until && start + c.durationNs[i] > from) held.push(i)
  }
  held.sort((a, b) => c.startNs[a] - c.startNs[b])
  const steps = held.map((i) => ({
    label: kindOf(i)?.label ?? t.kinds[c.kind[i]],
    ns: Math.min(until, c.startNs[i] + c.durationNs[i]) - Math.max(from, c.startNs[i]),
    drain: c.drain[i]
  }))
  const drain = steps.find((s) => s.drain > 0)?.drain ?? 0
  const found = drain === 0 ? -1 : findRequest(t, c, drain)
  const req = found < 0 ? null : { drain, source: t.drainSources[drain - 1], cpu: c.cpu[found], atNs: c.startNs[found] }
  const words = steps.map((s) => `${s.label} ${formatNs(s.ns)}`)
  if (req !== null) words.unshift(`drain_all_pages() #${drain} requested by ${req.source} on CPU ${req.cpu} at ${formatNs(req.atNs)}`)
  const text = words.length > 0 ? words.join(' → ') : `nothing else ran on CPU ${worst.cpu} between the release and the start`
  return { request: req, steps, text }
}

function findRequest(t: RunTimeline, c: ReturnType<typeof decodeTimeline>, drain: number): number {
  const kind = t.kinds.indexOf('drain-request')
  for (let i = 0; i < t.count; i++) if (c.kind[i] === kind && c.drain[i] === drain) return i
  return -1
}
