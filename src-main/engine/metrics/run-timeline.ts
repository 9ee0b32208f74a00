// The run timeline of every CPU (docs/timeline.md): segments and instants in typed columns, the whole
// run while it fits in TIMELINE_CAP_RECORDS, and beside it the windows around the worst sample and the
// first TIMELINE_MISS_WINDOWS deadline misses, which are what the result keeps when the run does not fit,
// and the first misses' breakdowns (miss-samples.ts).
// A cap of 0 records nothing (a job of a large sweep: lab/timeline-budget.ts). Given a requested window it
// records only that window's records (a re-run of a run whose cap left the window out).
import type { DrainSourceKind } from '../../../src-shared/profile/schema'
import type { RunTimeline } from '../../../src-shared/results/types'
import type { TimelineColumnArrays } from '../../../src-shared/results/timeline-columns'
import { TIMELINE_KINDS } from '../../../src-shared/results/timeline-kinds'
import { TimelineColumns } from './timeline-columns'
import { FreedPages } from './freed-pages'
import { MissSamples, type MissFacts } from './miss-samples'
import { INSTANT_DRAIN_REQUEST } from './timeline-kind-index'
import type { RunTimelineArrays } from './timeline-encode'
import { TimelineRing } from './timeline-ring'
import { TimelineWindow } from './timeline-window'

/** records (segments and instants) of a run kept whole: ~30 bytes each in results.json */
export const TIMELINE_CAP_RECORDS = 200_000
/** deadline misses whose windows are kept past the cap, the first ones of the run */
export const TIMELINE_MISS_WINDOWS = 8
/** records per window past the cap: a 2 ms window of a busy 64-CPU machine stays well below */
const WINDOW_CAPACITY = 8192
/** recent records a window opening now can look back on */
const RING_CAPACITY = 16384

export class RunTimelineRecorder {
  /** the run from its start, until it overflows the cap (then null: only the windows are kept) */
  private whole: TimelineColumns | null
  private readonly ring = new TimelineRing(RING_CAPACITY)
  private readonly worst = new TimelineWindow('worst', WINDOW_CAPACITY)
  private hasWorst = false
  private readonly misses: TimelineWindow[] = []
  /** the windows being filled, which every later record is offered to (none while the whole run fits) */
  private readonly open: TimelineWindow[] = []
  /** the latest end of an open window: a record starting after it falls in none */
  private openUntil = -Infinity
  /** the source of each drain_all_pages() call, by call id - 1 (ids run 1, 2, … in request order) */
  private readonly drainSources: DrainSourceKind[] = []
  /**
   * pages each drain_all_pages() call freed on each CPU; at most capRecords pairs (a pair's drain work is at
   * least one record, so a run that fits never loses one)
   */
  private readonly freedPages: FreedPages
  private readonly missSamples = new MissSamples()

  private readonly enabled: boolean
  /** the window the caller asked for, which alone is recorded (null: the whole run, or the windows past the cap) */
  private readonly requested: TimelineWindow | null = null

  constructor(readonly capRecords = TIMELINE_CAP_RECORDS, requestedNs?: readonly [number, number]) {
    this.enabled = capRecords > 0
    this.freedPages = new FreedPages(capRecords)
    if (requestedNs === undefined) {
      this.whole = new TimelineColumns(capRecords)
      return
    }
    const [fromNs, untilNs] = requestedNs
    if (!(fromNs >= 0 && fromNs < untilNs)) throw new RangeError(`timelineWindowNs: [${fromNs}, ${untilNs}) is not a window of the run`)
    this.whole = null
    this.requested = new TimelineWindow('requested', capRecords)
    this.requested.place(fromNs, untilNs)
  }

  /** A segment [startNs, endNs) of `kind` on `cpu`, for drain_all_pages() call `drain` (0: none). */
  segment(cpu: number, kind: number, startNs: number, endNs: number, drain: number): void {
    if (endNs > startNs) this.add(cpu, kind, startNs, endNs, drain)
  }

  instant(cpu: number, kind: number, atNs: number, drain: number): void {
    this.add(cpu, kind, atNs, atNs, drain)
  }

  /** drain_all_pages() call `drain` requested on `cpu` at `atNs` by a source of `kind`. */
  drainRequest(cpu: number, atNs: number, drain: number, kind: DrainSourceKind): void {
    this.drainSources[drain - 1] = kind
    this.add(cpu, INSTANT_DRAIN_REQUEST, atNs, atNs, drain)
  }

  /**
   * drain_all_pages() call `drain` freed `pages` of `cpu`'s pcplist (a chunked drain frees a CPU's in several
   * holds). Kept when 0 too: a pair missing from the result is one the recorder did not keep, not an empty list.
   */
  drainFreed(cpu: number, drain: number, pages: number): void {
    if (!this.enabled) return
    this.freedPages.add(drain, cpu, pages)
  }

  /** A new worst sample: its window [fromNs, untilNs) replaces the previous worst's. */
  keepWorst(fromNs: number, untilNs: number): void {
    if (!this.enabled || this.requested !== null) return
    this.hasWorst = true
    this.worst.place(fromNs, untilNs)
    this.placed(this.worst)
  }

  /** A deadline miss: its window [fromNs, untilNs) is kept if it is one of the first misses. */
  keepMiss(fromNs: number, untilNs: number): void {
    if (!this.enabled || this.requested !== null || this.misses.length === TIMELINE_MISS_WINDOWS) return
    const w = new TimelineWindow('miss', WINDOW_CAPACITY)
    w.place(fromNs, untilNs)
    this.misses.push(w)
    this.placed(w)
  }

  /** A deadline miss's facts, for its breakdown if it is one of the misses kept (miss-samples.ts). */
  explainMiss(facts: MissFacts): void {
    if (this.enabled) this.missSamples.offer(facts)
  }

  /**
   * The result (records in no particular order), its columns as typed arrays (timeline-encode.ts), undefined with
   * a cap of 0; `cpus` lists every CPU of the run with its role. Taken once, at the end of the run: the records
   * become the result's columns in place (columnsOf).
   */
  result(endNs: number, cpus: RunTimeline['cpus']): RunTimelineArrays | undefined {
    if (!this.enabled) return undefined
    const whole = this.whole
    const kinds = TIMELINE_KINDS.map((k) => k.name)
    const missed = this.missSamples.result()
    const misses = missed.length > 0 ? { misses: missed } : {}
    if (whole !== null) {
      return { kinds, cpus, windows: [{ reason: 'run', fromNs: 0, untilNs: Math.round(endNs), truncated: false }], capRecords: this.capRecords, drainSources: this.drainSources, ...columnsOf(whole), ...this.pagesOf([whole]), ...misses }
    }
    // a requested window's records stay in recorded order, as a whole run's do; the windows past the cap are merged
    const requested = this.requested
    const kept = requested === null ? this.windows() : [requested]
    const windows = kept.map((w) => ({ reason: w.reason, fromNs: Math.round(w.fromNs), untilNs: Math.round(w.untilNs), truncated: w.truncated }))
    const records = requested === null ? merged(kept.map((w) => w.records)) : columnsOf(requested.records)
    return { kinds, cpus, windows, capRecords: this.capRecords, drainSources: this.drainSources, ...records, ...this.pagesOf(kept.map((w) => w.records)), ...misses }
  }

  /** The pages freed of the (call, CPU) pairs that have records in `parts`, ordered by call and CPU; none: no field. */
  private pagesOf(parts: TimelineColumns[]): Pick<RunTimelineArrays, 'drainPagesColumns'> {
    // which (call, CPU) pairs have records: a bit per pair (a Set of every pair cost more than the engine's drains)
    let calls = 0
    let cpus = 0
    for (const p of parts) {
      for (let i = 0; i < p.length; i++) {
        if (p.drain[i] > calls) calls = p.drain[i]
        if (p.cpu[i] >= cpus) cpus = p.cpu[i] + 1
      }
    }
    const recorded = new Uint8Array((calls + 1) * cpus)
    for (const p of parts) for (let i = 0; i < p.length; i++) if (p.drain[i] > 0) recorded[p.drain[i] * cpus + p.cpu[i]] = 1
    const pairs = this.freedPages.columns({ calls, cpus, recorded })
    return pairs.call.length === 0 ? {} : { drainPagesColumns: pairs }
  }

  private windows(): TimelineWindow[] {
    return this.hasWorst ? [this.worst, ...this.misses] : [...this.misses]
  }

  /** While the whole run fits it holds every window, so a window is filled only past the cap. */
  private placed(w: TimelineWindow): void {
    if (this.whole !== null) return
    w.openOnRing(this.ring)
    this.listen(w)
  }

  private listen(w: TimelineWindow): void {
    if (!this.open.includes(w)) this.open.push(w)
    if (w.untilNs > this.openUntil) this.openUntil = w.untilNs
  }

  private add(cpu: number, kind: number, start: number, end: number, drain: number): void {
    if (!this.enabled) return
    if (this.requested !== null) {
      // rounded as the result stores them, so the window holds exactly the records a whole run shows in it
      this.requested.offer(cpu, kind, Math.round(start), Math.round(end), drain)
      return
    }
    const whole = this.whole
    if (whole !== null) {
      if (whole.push(cpu, kind, start, end, drain)) return
      this.overflow(whole)
    }
    this.ring.push(cpu, kind, start, end, drain)
    if (start < this.openUntil) for (const w of this.open) w.offer(cpu, kind, start, end, drain)
  }

  /** The run outgrew the cap: the windows placed so far are filled from it, and the ring takes over. */
  private overflow(whole: TimelineColumns): void {
    this.whole = null
    this.ring.seed(whole)
    for (const w of this.windows()) {
      w.openOnRun(whole)
      this.listen(w)
    }
  }
}

/**
 * The records of `c` as the result's columns (start and end rounded to whole ns), in `c`'s own memory: the
 * result is taken once, at the end of the run, and two fresh arrays for a whole run's 200 000 records were
 * 3 MB more for the system to map (~750 page faults, ~10 ms on the 2-vCPU VM of BENCHMARKS.md).
 */
function columnsOf(c: TimelineColumns): { count: number; columns: TimelineColumnArrays } {
  const n = c.length
  const startNs = c.start.subarray(0, n)
  const durationNs = c.end.subarray(0, n)
  for (let i = 0; i < n; i++) {
    const start = Math.round(startNs[i])
    durationNs[i] = Math.round(durationNs[i]) - start
    startNs[i] = start
  }
  const drain = new Uint32Array(c.drain.buffer, 0, n)
  return { count: n, columns: { cpu: c.cpu.subarray(0, n), kind: c.kind.subarray(0, n), startNs, durationNs, drain } }
}

/** The windows' records, each once (windows may overlap): sorted by start, CPU, kind, end and drain to find the copies. */
function merged(parts: TimelineColumns[]): ReturnType<typeof columnsOf> {
  const refs: Array<[TimelineColumns, number]> = []
  for (const p of parts) for (let i = 0; i < p.length; i++) refs.push([p, i])
  const fields = ([p, i]: [TimelineColumns, number]) => [p.start[i], p.cpu[i], p.kind[i], p.end[i], p.drain[i]]
  const keys = refs.map(fields)
  const order = keys.map((_, i) => i).sort((a, b) => {
    const ka = keys[a]
    const kb = keys[b]
    for (let f = 0; f < ka.length; f++) if (ka[f] !== kb[f]) return ka[f] - kb[f]
    return 0
  })
  const out = new TimelineColumns(refs.length)
  let prev: number[] = []
  for (const i of order) {
    const k = keys[i]
    if (k.every((v, f) => v === prev[f])) continue
    prev = k
    out.push(k[1], k[2], k[0], k[3], k[4])
  }
  return columnsOf(out)
}
