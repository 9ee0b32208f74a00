// The causal chain of a sample (the worst wakeup latency, or a deadline miss's response) read off the run
// timeline, as rtla's auto-analysis tells it: what held the sample's CPU between the job's release and the
// sample's end, and the drain_all_pages() call that put it there ("drain_all_pages() #12 requested by
// reclaim on CPU 0 at 69.2 ms → IPI 2.00 µs → kworker wake / context switch 3.00 µs → drain_local_pages_wq:
// free_pcppages_bulk, IRQs off 57.5 µs → 400 pages freed from CPU 4's pcplist").
import { formatNs } from '../units'
import { drainRequest, freedPages, labelOf, pagesText, requestText, type DrainRequest } from './drain-chain'
import { decodeTimeline } from './timeline-columns'
import { TIMELINE_KINDS } from './timeline-kinds'
import type { RunTimeline, WorstSample } from './types'

/** A sample: its task's CPU and the span [releaseNs, releaseNs + valueNs) it measures. */
export type ChainedSample = Pick<WorstSample, 'cpu' | 'releaseNs' | 'valueNs'>

export interface SampleChain {
  /** the drain_all_pages() call whose work held the CPU, null when none did */
  request: DrainRequest | null
  /** what held the CPU from the release to the sample's end, in order, each clipped to that span */
  steps: Array<{ label: string; ns: number; drain: number }>
  text: string
}

export function sampleChain(t: RunTimeline, sample: ChainedSample): SampleChain {
  const c = decodeTimeline(t)
  const from = sample.releaseNs
  const until = sample.releaseNs + sample.valueNs
  const kinds = t.kinds.map((name) => TIMELINE_KINDS.find((k) => k.name === name))
  const held: number[] = []
  for (let i = 0; i < t.count; i++) {
    const kind = kinds[c.kind[i]]
    if (c.cpu[i] !== sample.cpu || kind?.layer !== 'cpu' || kind.name === 'rt' || kind.name === 'idle') continue
    const start = c.startNs[i]
    if (start < until && start + c.durationNs[i] > from) held.push(i)
  }
  held.sort((a, b) => c.startNs[a] - c.startNs[b])
  const steps = held.map((i) => ({
    label: labelOf(t, c.kind[i]),
    ns: Math.min(until, c.startNs[i] + c.durationNs[i]) - Math.max(from, c.startNs[i]),
    drain: c.drain[i]
  }))
  const drain = steps.find((s) => s.drain > 0)?.drain ?? 0
  const request = drain === 0 ? null : drainRequest(t, c, drain)
  const words = steps.map((s) => `${s.label} ${formatNs(s.ns)}`)
  if (request !== null) words.unshift(requestText(request))
  const pages = drain === 0 ? null : freedPages(t, drain, sample.cpu)
  if (pages !== null) words.push(pagesText(pages, sample.cpu))
  const text = words.length > 0 ? words.join(' → ') : `nothing else ran on CPU ${sample.cpu} in the ${formatNs(sample.valueNs)} from the release`
  return { request, steps, text }
}
