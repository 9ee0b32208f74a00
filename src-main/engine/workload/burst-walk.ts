// The walk of a housekeeping CPU's local bursts: each burst an allocation (mark 0, the list loses `unit`
// pages) or a free (mark 1, it gains them), until the first burst that would take the list out of
// [lo, hi] (positions in bursts' worth of pages from the start). The marks are kept as bits, so that
// the net of any prefix is a population count. With equal allocation and free rates every mark is a
// fair coin, one random bit: the walk takes eight marks at a time, a table giving for each byte and the
// room left below and above the list where its first mark leaving the bounds is (none: the byte is
// taken whole), which makes a step cost a fraction of a nanosecond; other rates draw one threshold
// comparison per mark.
import { halvedTimes } from '../mm/pcp-scaling'
import type { RandomStream } from '../sim/random-stream'

export const ALLOC = 0
export const FREE = 1

/** per byte of marks, least significant bit first: the net after 8 steps and the highest position after 1..8 */
const BYTE_NET = new Int8Array(256)
const BYTE_MAX = new Int8Array(256)
for (let b = 0; b < 256; b++) {
  let y = 0
  let hi = -8
  for (let j = 0; j < 8; j++) {
    y += (b >> j) & 1 ? 1 : -1
    hi = Math.max(hi, y)
  }
  BYTE_NET[b] = y
  BYTE_MAX[b] = hi
}

/**
 * rooms below the list 0..8 (8: eight marks cannot leave), above it -2..8 (-1: the first free leaves; -2: the
 * list is above its upper bound already, the first mark of either kind leaves)
 */
const DOWN_ROOMS = 9
const UP_ROOMS = 11
/**
 * EXIT[(b * DOWN_ROOMS + down) * UP_ROOMS + up + 2]: the index 0..7 of byte b's first mark that takes the list
 * out of the bounds `down` positions below and `up` above it, 8 when none does.
 */
const EXIT = new Uint8Array(256 * DOWN_ROOMS * UP_ROOMS)
for (let b = 0; b < 256; b++) {
  for (let down = 0; down < DOWN_ROOMS; down++) {
    for (let up = -2; up < UP_ROOMS - 2; up++) {
      let y = 0
      let exit = 8
      for (let j = 0; j < 8; j++) {
        y += (b >> j) & 1 ? 1 : -1
        if (y < -down || y > up) {
          exit = j
          break
        }
      }
      EXIT[(b * DOWN_ROOMS + down) * UP_ROOMS + up + 2] = exit
    }
  }
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
    let i = first
    // mark by mark to a byte boundary, then a byte at a time (its highest prefix from the table), then the rest
    for (; i < end && (i & 7) !== 0; i++) {
      y += (this.marks[i >> 5] >>> (i & 31)) & 1 ? 1 : -1
      if (y > top) top = y
    }
    for (; i + 8 <= end; i += 8) {
      const b = (this.marks[i >> 5] >>> (i & 31)) & 255
      if (y + BYTE_MAX[b] > top) top = y + BYTE_MAX[b]
      y += BYTE_NET[b]
    }
    for (; i < end; i++) {
      y += (this.marks[i >> 5] >>> (i & 31)) & 1 ? 1 : -1
      if (y > top) top = y
    }
    return top
  }

  /**
   * 6.7+ pcp->free_count after bursts first..first+count-1 from `freeCount`: a free burst's `unit` commits
   * add a page each while it is below `cap`, an allocation burst's `unit` calls halve it each — in order,
   * so the marks are read one by one, unless `unit` halvings always leave 0 (the heavy scenario's 32 pages).
   */
  foldFreeCount(first: number, count: number, freeCount: number, unit: number, cap: number): number {
    const end = first + count
    if (unit >= 31) {
      // an allocation burst halves it 31 times or more, to 0: only the frees after the last one count, each
      // adding `unit` up to the cap (a count at or above the cap already stays)
      const lastAlloc = this.lastAllocBefore(first, end)
      const fc = lastAlloc < 0 ? freeCount : 0
      const frees = end - (lastAlloc < 0 ? first : lastAlloc + 1)
      return fc >= cap || frees === 0 ? fc : Math.min(cap, fc + frees * unit)
    }
    let fc = freeCount
    for (let i = first; i < end; i++) {
      if ((this.marks[i >> 5] >>> (i & 31)) & 1) fc = fc < cap ? Math.min(cap, fc + unit) : fc
      else fc = halvedTimes(fc, unit)
    }
    return fc
  }

  /** The last allocation among bursts first..end-1, -1 when they are all frees: a word of marks at a time, from the end. */
  private lastAllocBefore(first: number, end: number): number {
    for (let word = (end - 1) >> 5; word >= 0 && word >= first >> 5; word--) {
      const from = Math.max(first, word << 5) & 31
      const to = Math.min(end, (word + 1) << 5) - (word << 5)
      // bits from..to-1 of this word
      const mask = (to === 32 ? -1 : (1 << to) - 1) & ~((1 << from) - 1)
      const allocs = ~this.marks[word] & mask
      if (allocs !== 0) return (word << 5) + 31 - Math.clz32(allocs)
    }
    return -1
  }

  private walkFair(lo: number, hi: number): number {
    const maxRun = this.maxRun
    let y = 0
    let n = 0
    for (;;) {
      const word = this.stream.nextUint32()
      // the word's 32 marks are the walk's marks n..n+31 (n is a multiple of 32 here, bytes being taken whole until
      // the walk ends): stored as they are. Those after the mark that ends the walk are never read: every reader
      // masks to the bursts it asks for, all of them before the end
      this.marks[n >> 5] = word
      for (let shift = 0; shift < 32; shift += 8) {
        const b = (word >>> shift) & 255
        const down = Math.min(y - lo, DOWN_ROOMS - 1)
        const up = Math.max(-2, Math.min(hi - y, UP_ROOMS - 3))
        // the byte's first mark out of the bounds, or the one at maxRun: it ends the walk (as step() does)
        const exit = Math.min(EXIT[(b * DOWN_ROOMS + down) * UP_ROOMS + up + 2], maxRun - n)
        if (exit >= 8) {
          y += BYTE_NET[b]
          n += 8
          continue
        }
        this.kind = (b >> exit) & 1
        return n + exit
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
    this.put(n, mark)
    return next
  }

  /** Stores mark `mark` (ALLOC or FREE) of walk position n. */
  private put(n: number, mark: number): void {
    const word = n >> 5
    const bit = 1 << (n & 31)
    this.marks[word] = mark === FREE ? this.marks[word] | bit : this.marks[word] & ~bit
  }
}
