// Recent timeline of each isolated CPU (ring buffers of segments, as KernelShark would draw them) and
// the excerpt kept around the worst latency sample.
import type { TimelineSegment } from '../../../src-shared/results/types'

export const SEG_RT = 0
export const SEG_KWORKER_SWITCH = 1
export const SEG_IPI = 2
export const SEG_KWORKER_DRAIN = 3
export const SEG_REMOTE_DRAIN = 4
export const SEG_THROTTLED = 5
export const SEG_FALLBACK = 6
export const SEG_IDLE = 7
export const SEG_LOCK_SPIN = 8
export const SEG_BOOST = 9

const SEGMENT_KINDS: ReadonlyArray<{ lane: TimelineSegment['lane']; label: string }> = [
  { lane: 'rt', label: 'realtime task' },
  { lane: 'kworker', label: 'kworker wake / context switch' },
  { lane: 'irq', label: 'IPI (queue_work_on)' },
  { lane: 'kworker', label: 'drain_local_pages_wq: free_pcppages_bulk, IRQs off' },
  { lane: 'drain', label: 'remote drain_pages_zone holds pcp->lock' },
  { lane: 'throttled', label: 'RT runqueue throttled' },
  { lane: 'fallback', label: 'buddy fallback (pcp trylock failed)' },
  { lane: 'idle', label: 'idle' },
  { lane: 'fallback', label: 'spinning on pcp->lock (free_unref_page_list)' },
  { lane: 'kworker', label: 'kworker boosted (fair server / stalld)' }
]

const RING = 128
const MAX_EXCERPT = 400

export class TimelineRecorder {
  private readonly start: Float64Array
  private readonly end: Float64Array
  private readonly kind: Int8Array
  private readonly head: Int32Array
  private excerpt: TimelineSegment[] = []
  private excerptCpuIndex = -1
  private excerptFrom = 0
  private excerptUntil = 0

  constructor(private readonly cpuOfIndex: ArrayLike<number>) {
    const n = cpuOfIndex.length
    this.start = new Float64Array(n * RING)
    this.end = new Float64Array(n * RING)
    this.kind = new Int8Array(n * RING)
    this.head = new Int32Array(n)
  }

  /** A finished segment on isolated CPU `index`. */
  record(index: number, kind: number, startNs: number, endNs: number): void {
    if (endNs <= startNs) return
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

  excerptSegments(): TimelineSegment[] {
    return [...this.excerpt].sort((a, b) => a.startNs - b.startNs || a.endNs - b.endNs)
  }

  private segment(index: number, kind: number, startNs: number, endNs: number): TimelineSegment {
    const k = SEGMENT_KINDS[kind]
    return { cpu: this.cpuOfIndex[index], lane: k.lane, startNs: Math.round(startNs), endNs: Math.round(endNs), label: k.label }
  }
}
