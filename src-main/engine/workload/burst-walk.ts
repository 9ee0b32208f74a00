// The walk of a housekeeping CPU's local bursts: each burst an allocation (mark 0, the list loses `unit`
// pages) or a free (mark 1, it gains them), until the first burst that would take the list out of
// [lo, hi] (positions in bursts' worth of pages from the start). The marks are kept as bits, so that
// the net of any prefix is a population count. With equal allocation and free rates every mark is a
// fair coin, one random bit: eight marks at a time are taken whole when no prefix of them can reach a
// bound (a 256-entry table of each byte's net and extreme prefixes), which makes a step cost a fraction
// of a nanosecond; other rates draw one threshold comparison per mark.
import { halvedTimes } from '../mm/pcp-scaling'
import type { RandomStream } from '../sim/random-stream'

export const ALLOC = 0
export const FREE = 1

/** per byte of marks, least significant bit first: the net after 8 steps and the lowest and highest position after 1..8 */
const BYTE_NET = new Int8Array(256)
const BYTE_MIN = new Int8Array(256)
const BYTE_MAX = new Int8Array(256)
for (let b = 0; b < 256; b++) {
  let y = 0
  let lo = 8
  let hi = -8
  for (let j = 0; j < 8; j++) {
    y += (b >> j) & 1 ? 1 : -1
    lo = Math.min(lo, y)
    hi = Math.max(hi, y)
  }
  BYTE_NET[b] = y
  BYTE_MIN[b] = lo
  BYTE_MAX[b] = hi
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

export class BurstWalk {
  /** the marks of the local bursts, bit i of the walk in bit i & 31 of word i >> 5 */
  private readonly marks: Int32Array
  /** the burst that ended the walk: ALLOC or FREE */
  kind = ALLOC

  /** `allocBelow`: P(allocation) as a threshold on 32 random bits; 2^31 is the fair coin */
  constructor(private readonly stream: RandomStream, private readonly allocBelow: number, private readonly maxRun: number) {
    this.marks = new Int32Array((maxRun >> 5) + 2)
  }

  /**
   * Walks from position 0 until a burst would leave [lo, hi], or maxRun bursts: returns the number of
   * local bursts; `kind` is the next burst's, the one that ends the walk.
   */
  walk(lo: number, hi: number): number {
    return this.allocBelow === 2147483648 ? this.walkFair(lo, hi) : this.walkBiased(lo, hi)
  }

  /** Free bursts among the walk's bursts first..first+count-1. */
  frees(first: number, count: number): number {
    let n = 0
    let i = first
    const end = first + count
    while (i < end) {
      const word = i >> 5
      const bit = i & 31
      const take = Math.min(32 - bit, end - i)
      const mask = take === 32 ? -1 : ((1 << take) - 1) << bit
      n += popcount32(this.marks[word] & mask)
      i += take
    }
    return n
  }

  /** The highest position the walk reaches after any of its bursts first..end-1 (positions in bursts from its start). */
  highestAfter(first: number, end: number): number {
    let y = 2 * this.frees(0, first) - first
    let top = -Infinity
    for (let i = first; i < end; i++) {
      y += (this.marks[i >> 5] >>> (i & 31)) & 1 ? 1 : -1
      if (y > top) top = y
    }
    return top
  }

  /**
   * 6.7+ pcp->free_count after bursts first..first+count-1 from `freeCount`: a free burst's `unit` commits
   * add a page each while it is below `cap`, an allocation burst's `unit` calls halve it each — in order,
   * so the marks are read one by one.
   */
  foldFreeCount(first: number, count: number, freeCount: number, unit: number, cap: number): number {
    let fc = freeCount
    for (let i = first, end = first + count; i < end; i++) {
      if ((this.marks[i >> 5] >>> (i & 31)) & 1) fc = fc < cap ? Math.min(cap, fc + unit) : fc
      else fc = halvedTimes(fc, unit)
    }
    return fc
  }

  private walkFair(lo: number, hi: number): number {
    const maxRun = this.maxRun
    let y = 0
    let n = 0
    for (;;) {
      const word = this.stream.nextUint32()
      for (let shift = 0; shift < 32; shift += 8) {
        const b = (word >>> shift) & 255
        if (n + 8 <= maxRun && y + BYTE_MIN[b] >= lo && y + BYTE_MAX[b] <= hi) {
          this.put(n, b, 8)
          y += BYTE_NET[b]
          n += 8
          continue
        }
        for (let j = 0; j < 8; j++) {
          const next = this.step((b >> j) & 1, y, n, lo, hi)
          if (Number.isNaN(next)) return n
          y = next
          n++
        }
      }
    }
  }

  private walkBiased(lo: number, hi: number): number {
    let y = 0
    for (let n = 0; ; n++) {
      const next = this.step(this.stream.nextUint32() < this.allocBelow ? ALLOC : FREE, y, n, lo, hi)
      if (Number.isNaN(next)) return n
      y = next
    }
  }

  /**
   * Burst n of the walk, of kind `mark`, with the list at position y: where it takes the list (the mark
   * stored), or NaN when it would leave [lo, hi] or the walk is at maxRun — it ends the walk, `kind` is its.
   */
  private step(mark: number, y: number, n: number, lo: number, hi: number): number {
    const next = mark === FREE ? y + 1 : y - 1
    if (n === this.maxRun || next < lo || next > hi) {
      this.kind = mark
      return NaN
    }
    this.put(n, mark, 1)
    return next
  }

  /**
   * Stores `count` marks `bits` at walk positions n..n+count-1, within one word: a byte of 8 marks is only
   * ever put at a multiple of 8 (the walk takes a byte whole, or mark by mark to its end or the walk's).
   */
  private put(n: number, bits: number, count: number): void {
    const word = n >> 5
    const mask = ((1 << count) - 1) << (n & 31)
    this.marks[word] = (this.marks[word] & ~mask) | ((bits << (n & 31)) & mask)
  }
}
