// The work of one drain_all_pages() call on one CPU read off the run timeline, what a click on a segment of
// that call explains: the request (source, requesting CPU, time), then every segment of the call on the CPU
// in order — queue_work_on()'s IPI, the kworker's wake and switch, drain_local_pages_wq freeing the list
// with IRQs off, or a remote drainer holding the CPU's pcp->lock and what its owner lost to it — and the pages
// the call freed of the CPU's pcplist.
import { formatNs } from '../units'
import type { DrainSourceKind } from '../profile/schema'
import { decodeDrainPages, pagesOfPair } from './drain-pages-columns'
import { decodeTimeline, type TimelineColumnArrays } from './timeline-columns'
import { TIMELINE_KINDS } from './timeline-kinds'
import type { RunTimeline } from './types'

export interface DrainRequest {
  drain: number
  source: DrainSourceKind
  cpu: number
  atNs: number
}

export interface DrainStep {
  /** the record's kind, by name (timeline-kinds.ts) */
  kind: string
  label: string
  startNs: number
  ns: number
}

export interface DrainChain {
  /** null when the request is not on the timeline (past the cap, outside the kept windows) */
  request: DrainRequest | null
  steps: DrainStep[]
  /** pages the call freed of the CPU's pcplist; null when the timeline does not say (results before engine 0.6's) */
  pages: number | null
  text: string
}

export function drainChain(t: RunTimeline, cpu: number, drain: number): DrainChain {
  const c = decodeTimeline(t)
  const steps: DrainStep[] = []
  for (let i = 0; i < t.count; i++) {
    if (c.drain[i] !== drain || c.cpu[i] !== cpu || c.durationNs[i] === 0) continue
    steps.push({ kind: t.kinds[c.kind[i]], label: labelOf(t, c.kind[i]), startNs: c.startNs[i], ns: c.durationNs[i] })
  }
  steps.sort((a, b) => a.startNs - b.startNs)
  const request = drainRequest(t, c, drain)
  const pages = freedPages(t, drain, cpu)
  const words = steps.map((s) => `${s.label} ${formatNs(s.ns)}`)
  if (request !== null) words.unshift(requestText(request))
  if (pages !== null) words.push(pagesText(pages, cpu))
  return { request, steps, pages, text: words.join(' → ') }
}

/** The pages drain_all_pages() call `drain` freed of `cpu`'s pcplist, null when the timeline does not say. */
export function freedPages(t: RunTimeline, drain: number, cpu: number): number | null {
  return pagesOfPair(decodeDrainPages(t), drain, cpu)
}

export function pagesText(pages: number, cpu: number): string {
  return `${pages} ${pages === 1 ? 'page' : 'pages'} freed from CPU ${cpu}'s pcplist`
}

/** The request of drain_all_pages() call `drain` on the timeline, or null. */
export function drainRequest(t: RunTimeline, c: TimelineColumnArrays, drain: number): DrainRequest | null {
  const kind = t.kinds.indexOf('drain-request')
  for (let i = 0; i < t.count; i++) {
    if (c.kind[i] === kind && c.drain[i] === drain) return { drain, source: t.drainSources[drain - 1], cpu: c.cpu[i], atNs: c.startNs[i] }
  }
  return null
}

export function requestText(r: DrainRequest): string {
  return `drain_all_pages() #${r.drain} requested by ${r.source} on CPU ${r.cpu} at ${formatNs(r.atNs)}`
}

/** A kind's label (timeline-kinds.ts), or its name when this build does not know it. */
export function labelOf(t: RunTimeline, kind: number): string {
  return TIMELINE_KINDS.find((k) => k.name === t.kinds[kind])?.label ?? t.kinds[kind]
}
