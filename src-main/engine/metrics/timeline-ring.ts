// The most recent timeline records of the run, whatever the cap left of the rest: where a window that
// opens at a new worst sample or a deadline miss finds what happened just before it.
import { overlaps, type TimelineColumns } from './timeline-columns'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class TimelineRing {
  private readonly start: Float64Array
  private readonly end: Float64Array
  private readonly kind: Uint8Array
  private readonly cpu: Uint16Array
  private readonly drain: Int32Array
  private written = 0
  /**
   * The latest end of a record the ring overwrote: every record that ends after it is still here (or
   * not recorded yet), so a window is complete from this time on.
   */
  lostUntil = DOUBLE_ZERO

  constructor(private readonly capacity: number) {
    this.start = new Float64Array(capacity)
    this.end = new Float64Array(capacity)
    this.kind = new Uint8Array(capacity)
    this.cpu = new Uint16Array(capacity)
    this.drain = new Int32Array(capacity)
  }

  /** Starts the ring with the last records of `run`, the whole run so far. */
  seed(run: TimelineColumns): void {
    const first = Math.max(0, run.length - this.capacity)
    for (let i = 0; i < first; i++) if (run.end[i] > this.lostUntil) this.lostUntil = run.end[i]
    for (let i = first; i < run.length; i++) this.push(run.cpu[i], run.kind[i], run.start[i], run.end[i], run.drain[i])
  }

  push(cpu: number, kind: number, start: number, end: number, drain: number): void {
    const i = this.written % this.capacity
    if (this.written >= this.capacity && this.end[i] > this.lostUntil) this.lostUntil = this.end[i]
    this.start[i] = start
    this.end[i] = end
    this.kind[i] = kind
    this.cpu[i] = cpu
    this.drain[i] = drain
    this.written++
  }

  /** Appends the records in [from, until) to `to`, oldest first; false when `to` filled up. */
  copyInto(to: TimelineColumns, from: number, until: number): boolean {
    const n = Math.min(this.written, this.capacity)
    for (let k = this.written - n; k < this.written; k++) {
      const i = k % this.capacity
      if (!overlaps(this.start[i], this.end[i], from, until)) continue
      if (!to.push(this.cpu[i], this.kind[i], this.start[i], this.end[i], this.drain[i])) return false
    }
    return true
  }
}
