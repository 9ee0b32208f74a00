// What a probe trace says about pcp draining (docs/measurements.md):
//  - kmem:mm_page_pcpu_drain fires once per page (block) free_pcppages_bulk() returns to the buddy
//    allocator, with zone->lock held and IRQs off, so the events of one call follow each other on one CPU
//    without a gap: a burst. Its span over the pages after the first is the per-page free cost, plus the
//    tracepoint's own cost per event (an upper bound of the kernel's cost).
//  - workqueue:workqueue_execute_start/end pair up per CPU and work struct: what ran, where, how long.
//  - ipi:* and sched:sched_switch (all, and those to a kworker) are counted on the measured CPUs.
import type { DistributionNs } from '../../../src-shared/results/types'
import { DistributionRecorder } from '../../engine/metrics/distribution-recorder'
import type { TraceEvent } from './trace-events'

/** Events of one free_pcppages_bulk() come back to back; a longer gap starts another call. */
export const BURST_GAP_NS = 2000

export interface TraceClock {
  /** ns per printed timestamp unit: 1000 for seconds.µs clocks, 1 / GHz for x86-tsc */
  nsPerStamp: number
}

export interface DrainBurstSummary {
  cpu: number
  bursts: number
  pages: number
  /** per burst of at least two events: span / pages after the first */
  nsPerPage: DistributionNs
  /** Σ span and Σ pages after the first, for a pooled estimate */
  spanNs: number
  intervals: number
}

export interface WorkItemSummary {
  cpu: number
  function: string
  count: number
  durationNs: DistributionNs
}

function pagesOf(e: TraceEvent): number {
  const order = /order=(\d+)/.exec(e.body)
  return order === null ? 1 : 2 ** Number(order[1])
}

export function drainBursts(events: TraceEvent[], clock: TraceClock): DrainBurstSummary[] {
  const byCpu = new Map<number, { bursts: number; pages: number; recorder: DistributionRecorder; spanNs: number; intervals: number }>()
  const open = new Map<number, { first: TraceEvent; last: TraceEvent; pages: number; firstPages: number }>()
  const close = (cpu: number) => {
    const b = open.get(cpu)
    if (b === undefined) return
    open.delete(cpu)
    const s = byCpu.get(cpu) ?? { bursts: 0, pages: 0, recorder: new DistributionRecorder(), spanNs: 0, intervals: 0 }
    byCpu.set(cpu, s)
    s.bursts++
    s.pages += b.pages
    const after = b.pages - b.firstPages
    if (after > 0) {
      const span = (b.last.stamp - b.first.stamp) * clock.nsPerStamp
      s.recorder.record(span / after)
      s.spanNs += span
      s.intervals += after
    }
  }
  for (const e of events) {
    if (e.event !== 'mm_page_pcpu_drain') continue
    const b = open.get(e.cpu)
    if (b !== undefined && b.last.pid === e.pid && (e.stamp - b.last.stamp) * clock.nsPerStamp <= BURST_GAP_NS) {
      b.last = e
      b.pages += pagesOf(e)
      continue
    }
    close(e.cpu)
    open.set(e.cpu, { first: e, last: e, pages: pagesOf(e), firstPages: pagesOf(e) })
  }
  for (const cpu of [...open.keys()]) close(cpu)
  return [...byCpu.entries()].sort((a, b) => a[0] - b[0]).map(([cpu, s]) => ({ cpu, bursts: s.bursts, pages: s.pages, nsPerPage: s.recorder.summary(), spanNs: s.spanNs, intervals: s.intervals }))
}

const WORK = /work struct (?:0x)?([0-9a-f]+)(?:: function (\S+))?/

export function workItems(events: TraceEvent[], clock: TraceClock): WorkItemSummary[] {
  const running = new Map<string, { start: TraceEvent; fn: string }>()
  const groups = new Map<string, { cpu: number; fn: string; recorder: DistributionRecorder }>()
  for (const e of events) {
    if (e.event !== 'workqueue_execute_start' && e.event !== 'workqueue_execute_end') continue
    const m = WORK.exec(e.body)
    if (m === null) continue
    const key = `${e.cpu}:${m[1]}`
    if (e.event === 'workqueue_execute_start') {
      running.set(key, { start: e, fn: m[2] ?? 'unknown' })
      continue
    }
    const started = running.get(key)
    if (started === undefined) continue
    running.delete(key)
    const gkey = `${e.cpu}:${started.fn}`
    const g = groups.get(gkey) ?? { cpu: e.cpu, fn: started.fn, recorder: new DistributionRecorder() }
    groups.set(gkey, g)
    g.recorder.record((e.stamp - started.start.stamp) * clock.nsPerStamp)
  }
  return [...groups.values()]
    .map((g) => ({ cpu: g.cpu, function: g.fn, count: g.recorder.count, durationNs: g.recorder.summary() }))
    .sort((a, b) => a.cpu - b.cpu || b.count - a.count || a.function.localeCompare(b.function))
}

/** ipi_send_cpu to, ipi_send_cpumask naming, and sched_switch on each measured CPU. */
export function eventCounts(events: TraceEvent[], cpus: number[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const add = (key: string) => { counts[key] = (counts[key] ?? 0) + 1 }
  const measured = new Set(cpus)
  for (const e of events) {
    if (e.event === 'sched_switch' && measured.has(e.cpu)) {
      add(`sched_switch cpu${e.cpu}`)
      // a kworker taking the CPU is the workqueue interference model.md charges to a realtime task
      if (/next_comm=kworker\//.test(e.body)) add(`sched_switch to a kworker cpu${e.cpu}`)
    }
    if (e.event === 'ipi_send_cpu') {
      const target = Number(/cpu=(\d+)/.exec(e.body)?.[1] ?? -1)
      if (measured.has(target)) add(`ipi_send_cpu to cpu${target}`)
    }
    if (e.event === 'ipi_send_cpumask') {
      // "cpumask=3 callsite=…": __get_cpumask() prints a hex bitmask (%*pb), 32-bit words split by commas
      const mask = /cpumask=([0-9a-f,]+)/.exec(e.body)?.[1] ?? ''
      for (const cpu of cpusOfMask(mask)) if (measured.has(cpu)) add(`ipi_send_cpumask to cpu${cpu}`)
    }
  }
  return counts
}

function cpusOfMask(mask: string): number[] {
  const hex = mask.replace(/,/g, '')
  if (hex === '') return []
  const bits = BigInt(`0x${hex}`)
  const out: number[] = []
  for (let c = 0; bits >> BigInt(c) > 0n; c++) if ((bits >> BigInt(c)) & 1n) out.push(c)
  return out
}

/** ns per counter tick from two trace_marker writes whose wall-clock distance the probe measured. */
export function clockFromMarkers(events: TraceEvent[], startMark: string, endMark: string, wallNs: number): TraceClock | null {
  const start = events.find((e) => e.event === 'tracing_mark_write' && e.body.includes(startMark))
  const end = events.find((e) => e.event === 'tracing_mark_write' && e.body.includes(endMark))
  if (start === undefined || end === undefined || end.stamp <= start.stamp) return null
  return { nsPerStamp: wallNs / (end.stamp - start.stamp) }
}
