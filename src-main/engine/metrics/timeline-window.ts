// One window of the run timeline kept past the cap (around the worst sample or a deadline miss): the
// records in it when it opens, then every later record that falls in it.
import type { RunTimeline } from '../../../src-shared/results/types'
import { overlaps, TimelineColumns } from './timeline-columns'
import type { TimelineRing } from './timeline-ring'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class TimelineWindow {
  readonly records: TimelineColumns
  fromNs = DOUBLE_ZERO
  untilNs = DOUBLE_ZERO
  /** more records fell in the window than it holds: the later ones are missing */
  truncated = false

  constructor(readonly reason: RunTimeline['windows'][number]['reason'], capacity: number) {
    this.records = new TimelineColumns(capacity)
  }

  /** Sets the window to [fromNs, untilNs), empty: it is filled when it opens. */
  place(fromNs: number, untilNs: number): void {
    this.records.clear()
    this.truncated = false
    this.fromNs = Math.max(0, Math.min(fromNs, untilNs))
    this.untilNs = untilNs
  }

  /** Opens the window on the whole run so far (everything recorded until now is in `run`). */
  openOnRun(run: TimelineColumns): void {
    if (!this.records.copyFrom(run, this.fromNs, this.untilNs)) this.truncated = true
  }

  /** Opens the window on the ring's recent records: it starts where the ring still holds everything. */
  openOnRing(ring: TimelineRing): void {
    this.fromNs = Math.min(this.untilNs, Math.max(this.fromNs, ring.lostUntil))
    if (!ring.copyInto(this.records, this.fromNs, this.untilNs)) this.truncated = true
  }

  offer(cpu: number, kind: number, start: number, end: number, drain: number): void {
    if (this.truncated || !overlaps(start, end, this.fromNs, this.untilNs)) return
    if (!this.records.push(cpu, kind, start, end, drain)) this.truncated = true
  }
}
