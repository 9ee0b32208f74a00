// The timeline of each isolated CPU: every segment goes to the run timeline (run-timeline.ts, all CPUs),
// and a ring of recent segments per isolated CPU gives the excerpt kept around the worst latency sample.
import type { TimelineSegment } from '../../../src-shared/results/types'
import { TIMELINE_KINDS } from '../../../src-shared/results/timeline-kinds'
import type { MissFacts } from './miss-samples'
import type { RunTimelineRecorder } from './run-timeline'
import { INSTANT_DEADLINE_MISS, INSTANT_RELEASE } from './timeline-kind-index'
import { DOUBLE_ZERO } from '../sim/double-zero'

/** The excerpt's lane of each segment kind (SEG_*), as the Worst case tab draws them. */
const EXCERPT_LANES: ReadonlyArray<TimelineSegment['lane']> = ['rt', 'kworker', 'irq', 'kworker', 'drain', 'throttled', 'fallback', 'idle', 'fallback', 'kworker']

const RING = 128
const MAX_EXCERPT = 400

export class TimelineRecorder {
  private readonly start: Float64Array
  private readonly end: Float64Array
  private readonly kind: Int8Array
  private readonly head: Int32Array
  private excerpt: TimelineSegment[] = []
  private excerptCpuIndex = -1
  private excerptFrom = DOUBLE_ZERO
  private excerptUntil = DOUBLE_ZERO

  constructor(private readonly cpuOfIndex: ArrayLike<number>, private readonly run: RunTimelineRecorder) {
    const n = cpuOfIndex.length
    this.start = new Float64Array(n * RING)
    this.end = new Float64Array(n * RING)
    this.kind = new Int8Array(n * RING)
    this.head = new Int32Array(n)
  }

  /** A finished segment on isolated CPU `index`, part of drain_all_pages() call `drain` (0: none). */
  record(index: number, kind: number, startNs: number, endNs: number, drain = 0): void {
    if (endNs <= startNs) return
    this.run.segment(this.cpuOfIndex[index], kind, startNs, endNs, drain)
    const slot = index * RING + (this.head[index]++ % RING)
    this.start[slot] = startNs
    this.end[slot] = endNs
    this.kind[slot] = kind
    if (index === this.excerptCpuIndex && startNs < this.excerptUntil && endNs > this.excerptFrom && this.excerpt.length < MAX_EXCERPT) {
      this.excerpt.push(this.segment(index, kind, startNs, endNs))
    }
  }

  /** A new worst sample on `index`: keep what the ring holds of [fromNs, untilNs) and what follows until untilNs. */
  captureAround(index: number, fromNs: number, untilNs: number): void {
    this.run.keepWorst(fromNs, untilNs)
    this.excerpt = []
    this.excerptCpuIndex = index
    this.excerptFrom = fromNs
    this.excerptUntil = untilNs
    const n = Math.min(this.head[index], RING)
    for (let i = n; i >= 1; i--) {
      const slot = index * RING + ((this.head[index] - i) % RING)
      if (this.end[slot] > fromNs && this.start[slot] < untilNs) {
        this.excerpt.push(this.segment(index, this.kind[slot], this.start[slot], this.end[slot]))
      }
    }
  }

  /** The hrtimer of isolated CPU `index`'s task expired at `atNs`. */
  release(index: number, atNs: number): void {
    this.run.instant(this.cpuOfIndex[index], INSTANT_RELEASE, atNs, 0)
  }

  /** A job of isolated CPU `index`'s task missed its deadline at `atNs`: the run timeline keeps [fromNs, untilNs) if it is one of the first. */
  deadlineMiss(index: number, atNs: number, fromNs: number, untilNs: number): void {
    this.run.instant(this.cpuOfIndex[index], INSTANT_DEADLINE_MISS, atNs, 0)
    this.run.keepMiss(fromNs, untilNs)
  }

  /** A job of isolated CPU `index`'s task missed its deadline: its facts, for its breakdown (miss-samples.ts). */
  explainMiss(index: number, facts: Omit<MissFacts, 'cpu'>): void {
    this.run.explainMiss({ ...facts, cpu: this.cpuOfIndex[index] })
  }

  excerptSegments(): TimelineSegment[] {
    return [...this.excerpt].sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs)
  }

  private segment(index: number, kind: number, startNs: number, endNs: number): TimelineSegment {
    return { cpu: this.cpuOfIndex[index], lane: EXCERPT_LANES[kind], startNs: Math.round(startNs), endNs: Math.round(endNs), label: TIMELINE_KINDS[kind].label }
  }
}
