// Timeline records (a segment, or an instant whose end is its start) as typed column arrays: no object
// per record while the model runs. Grows by doubling up to a fixed capacity, so a short run allocates
// little and a long one never more than its cap.
const INITIAL_CAPACITY = 1024

export class TimelineColumns {
  start: Float64Array
  end: Float64Array
  kind: Uint8Array
  cpu: Uint16Array
  drain: Int32Array
  length = 0

  constructor(readonly capacity: number) {
    const n = Math.min(INITIAL_CAPACITY, capacity)
    this.start = new Float64Array(n)
    this.end = new Float64Array(n)
    this.kind = new Uint8Array(n)
    this.cpu = new Uint16Array(n)
    this.drain = new Int32Array(n)
  }

  /** Appends a record; false (and nothing stored) when the columns hold `capacity` records. */
  push(cpu: number, kind: number, start: number, end: number, drain: number): boolean {
    const i = this.length
    if (i === this.start.length && !this.grow()) return false
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

  private grow(): boolean {
    const n = Math.min(this.capacity, this.start.length * 2)
    if (n === this.start.length) return false
    this.start = copy(new Float64Array(n), this.start)
    this.end = copy(new Float64Array(n), this.end)
    this.kind = copy(new Uint8Array(n), this.kind)
    this.cpu = copy(new Uint16Array(n), this.cpu)
    this.drain = copy(new Int32Array(n), this.drain)
    return true
  }
}

function copy<T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(to: T, from: T): T {
  to.set(from)
  return to
}

/** Whether a record [start, end) — an instant when start === end — falls in [from, until). */
export function overlaps(start: number, end: number, from: number, until: number): boolean {
  return start < until && (end > from || (start === end && start >= from))
}
