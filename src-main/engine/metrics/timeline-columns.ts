// Timeline records (a segment, or an instant whose end is its start) as typed column arrays: no object
// per record while the model runs. The arrays are sized to the capacity at once: zero-filled memory that the
// system maps only as records are written, so a short run still costs little, and a long one is not copied
// each time it doubles (growing from 1024 records to a heavy run's 200 000 took eight copies into fresh
// memory, ~50 ms of its CPU profile).

export class TimelineColumns {
  readonly start: Float64Array
  readonly end: Float64Array
  readonly kind: Uint8Array
  readonly cpu: Uint16Array
  readonly drain: Int32Array
  length = 0

  constructor(readonly capacity: number) {
    this.start = new Float64Array(capacity)
    this.end = new Float64Array(capacity)
    this.kind = new Uint8Array(capacity)
    this.cpu = new Uint16Array(capacity)
    this.drain = new Int32Array(capacity)
  }

  /** Appends a record; false (and nothing stored) when the columns hold `capacity` records. */
  push(cpu: number, kind: number, start: number, end: number, drain: number): boolean {
    const i = this.length
    if (i === this.capacity) return false
    this.start[i] = start
    this.end[i] = end
    this.kind[i] = kind
    this.cpu[i] = cpu
    this.drain[i] = drain
    this.length = i + 1
    return true
  }

  /** Appends the records of `from` that fall in [fromNs, untilNs); false when these columns filled up. */
  copyFrom(from: TimelineColumns, fromNs: number, untilNs: number): boolean {
    for (let i = 0; i < from.length; i++) {
      if (overlaps(from.start[i], from.end[i], fromNs, untilNs) && !this.push(from.cpu[i], from.kind[i], from.start[i], from.end[i], from.drain[i])) return false
    }
    return true
  }

  clear(): void {
    this.length = 0
  }
}

/** Whether a record [start, end) — an instant when start === end — falls in [from, until). */
export function overlaps(start: number, end: number, from: number, until: number): boolean {
  return start < until && (end > from || (start === end && start >= from))
}
