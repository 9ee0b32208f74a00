// Reading a RunTimeline in the engine tests: its records as objects, and the tiling check of a CPU's
// `cpu`-layer segments over a span (docs/timeline.md: on an isolated CPU they leave no gap and overlap nothing).
import type { RunTimeline } from '../../../src-shared/results/types'
import { decodeTimeline } from '../../../src-shared/results/timeline-columns'
import { TIMELINE_KINDS } from '../../../src-shared/results/timeline-kinds'

export interface TimelineRecord {
  cpu: number
  kind: string
  startNs: number
  endNs: number
  drain: number
}

export function recordsOf(t: RunTimeline): TimelineRecord[] {
  const c = decodeTimeline(t)
  return Array.from(c.cpu, (cpu, i) => ({ cpu, kind: t.kinds[c.kind[i]], startNs: c.startNs[i], endNs: c.startNs[i] + c.durationNs[i], drain: c.drain[i] }))
}

const CPU_LAYER = new Set(TIMELINE_KINDS.filter((k) => k.layer === 'cpu').map((k) => k.name))

/**
 * The first place where `cpu`'s cpu-layer segments fail to tile [fromNs, untilNs) — a gap, an overlap,
 * or a missing start or end — or null when they tile it.
 */
export function tilingError(t: RunTimeline, cpu: number, fromNs: number, untilNs: number): string | null {
  const segments = recordsOf(t)
    .filter((r) => r.cpu === cpu && CPU_LAYER.has(r.kind) && r.startNs < untilNs && r.endNs > fromNs)
    .sort((a, b) => a.startNs - b.startNs)
  if (segments.length === 0) return `CPU ${cpu}: no segment in [${fromNs}, ${untilNs})`
  if (segments[0].startNs > fromNs) return `CPU ${cpu}: nothing from ${fromNs} to ${segments[0].startNs}`
  for (let i = 1; i < segments.length; i++) {
    const prev = segments[i - 1]
    const s = segments[i]
    if (s.startNs > prev.endNs) return `CPU ${cpu}: gap from ${prev.endNs} to ${s.startNs} (after ${prev.kind})`
    if (s.startNs < prev.endNs) return `CPU ${cpu}: ${s.kind} at ${s.startNs} overlaps ${prev.kind} until ${prev.endNs}`
  }
  const last = segments[segments.length - 1]
  if (last.endNs < untilNs) return `CPU ${cpu}: nothing from ${last.endNs} to ${untilNs}`
  return null
}
