// The closed form of a housekeeping CPU's local bursts (LocalRun) against the process it replaces: one
// event per burst, two Poisson chains of allocation and free bursts (engine 0.4.x). Same distribution of
// the number of local bursts before the contact, of the contact's kind and time, and of the list at a
// reader's time — checked by two-sample Kolmogorov–Smirnov tests on 20 000 runs each (fixed seeds, so the
// test is deterministic; the threshold is the 0.1 % critical value, and a wrong rate, bound or
// interpolation moves the statistic far past it). Also the walk's invariants and the binomial and gamma draws.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PerCpuPages } from '../../src-main/engine/mm/per-cpu-pages'
import { Zone } from '../../src-main/engine/mm/zone'
import type { PageAllocator } from '../../src-main/engine/mm/page-allocator'
import { binomial } from '../../src-main/engine/sim/binomial'
import { RandomStream } from '../../src-main/engine/sim/random-stream'
import { VARIANT_TRAITS } from '../../src-shared/kernel/variant-traits'
import { ALLOC, BurstWalk, FREE } from '../../src-main/engine/workload/burst-walk'
import { LocalRun } from '../../src-main/engine/workload/local-run'

const RUNS = 20_000
/** two-sample KS critical value at α = 0.001 for n = m = RUNS */
const KS_CRITICAL = 1.949 * Math.sqrt(2 / RUNS)

function ks(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q)
  const y = [...b].sort((p, q) => p - q)
  let i = 0
  let j = 0
  let d = 0
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j])
    while (i < x.length && x[i] <= v) i++
    while (j < y.length && y[j] <= v) j++
    d = Math.max(d, Math.abs(i / x.length - j / y.length))
  }
  return d
}

interface Case {
  name: string
  unit: number
  count: number
  high: number
  held: number
  allocRate: number
  freeRate: number
  /** a remote drainer holds pcp->lock until then */
  lockedUntil: number
  /** when a reader looks at the list */
  readAt: number
}

interface Outcome {
  local: number
  kindIsAlloc: number
  contactAt: number
  /** count when read at readAt, -1 when the contact came first */
  countAtRead: number
}

function allocator(c: Case): PageAllocator {
  const pcp = new PerCpuPages(1, 2 * c.unit, c.high, 512)
  pcp.fill(0, c.count, 0, c.high + 2 * c.unit)
  pcp.lockedUntil[0] = c.lockedUntil
  // a zone without kswapd: the free bound is high (mm/pcp-scaling.ts freeHighBound)
  return { pcp, zone: new Zone(0), traits: VARIANT_TRAITS.direct, params: { scaling: 'free-factor' } } as unknown as PageAllocator
}

interface Burst {
  t: number
  alloc: boolean
  /** the burst stays on the list (the list is updated) or is the contact (the process ends there) */
  local: boolean
  /** the list before the burst */
  count: number
}

/**
 * One event per burst, the oracle: two exponential chains in continuous time, each burst applied to the
 * list and the pages held, until the first that is not local (no refill, no bulk free, no remote lock).
 */
function* perBurstBursts(c: Omit<Case, 'name' | 'readAt'>, s: RandomStream): Generator<Burst> {
  let nextAlloc = s.exponential(1e9 / c.allocRate)
  let nextFree = s.exponential(1e9 / c.freeRate)
  let count = c.count
  let held = c.held
  for (;;) {
    const alloc = nextAlloc < nextFree
    const t = alloc ? nextAlloc : nextFree
    const local = t >= c.lockedUntil && (alloc ? count >= c.unit : held >= c.unit && count + c.unit < c.high)
    yield { t, alloc, local, count }
    if (!local) return
    const pages = alloc ? -c.unit : c.unit
    count += pages
    held -= pages
    if (alloc) nextAlloc += s.exponential(1e9 / c.allocRate)
    else nextFree += s.exponential(1e9 / c.freeRate)
  }
}

function perBurst(c: Case, s: RandomStream): Outcome {
  let local = 0
  let countAtRead = -1
  for (const b of perBurstBursts(c, s)) {
    if (countAtRead < 0 && b.t > c.readAt) countAtRead = b.count
    if (!b.local) return { local, kindIsAlloc: b.alloc ? 1 : 0, contactAt: b.t, countAtRead: b.t > c.readAt ? countAtRead : -1 }
    local++
  }
  throw new Error('unreachable: the bursts end with the contact')
}

/** The closed form: plan, then a read at readAt when it comes before the contact. */
function closedForm(c: Case, seed: number): Outcome {
  const k = allocator(c)
  const run = new LocalRun(k, 0, c.unit, 1e9 / c.allocRate, 1e9 / c.freeRate, 0, 4096,
    new RandomStream(seed, 'marks'), new RandomStream(seed, 'times'), new RandomStream(seed, 'reads'))
  run.plan(0, c.held, Infinity)
  const local = run.pending
  const outcome = { local, kindIsAlloc: run.contactKind === ALLOC ? 1 : 0, contactAt: run.contactAt, countAtRead: -1 }
  if (run.contactAt > c.readAt) outcome.countAtRead = c.count + run.take(c.readAt, 0).pages
  return outcome
}

const CASES: Case[] = [
  { name: 'equal rates, list in the middle', unit: 32, count: 200, high: 400, held: 10_000, allocRate: 200_000, freeRate: 200_000, lockedUntil: 0, readAt: 600_000 },
  { name: 'more allocations than frees, near the refill', unit: 32, count: 70, high: 600, held: 10_000, allocRate: 300_000, freeRate: 100_000, lockedUntil: 0, readAt: 150_000 },
  { name: 'more frees, few pages held', unit: 8, count: 40, high: 4000, held: 50, allocRate: 50_000, freeRate: 150_000, lockedUntil: 0, readAt: 100_000 },
  { name: 'a remote drainer holds pcp->lock first', unit: 32, count: 200, high: 400, held: 10_000, allocRate: 200_000, freeRate: 200_000, lockedUntil: 100_000, readAt: 400_000 }
]

describe('LocalRun: the closed form of a CPU\'s local bursts', () => {
  for (const c of CASES) {
    it(`has the distribution of one event per burst: ${c.name}`, () => {
      const oracleStream = new RandomStream(11, 'oracle')
      const a = Array.from({ length: RUNS }, () => perBurst(c, oracleStream))
      const b = Array.from({ length: RUNS }, (_, i) => closedForm(c, i + 1))
      expect(ks(a.map((o) => o.local), b.map((o) => o.local))).toBeLessThan(KS_CRITICAL)
      expect(ks(a.map((o) => o.contactAt), b.map((o) => o.contactAt))).toBeLessThan(KS_CRITICAL)
      // the contact's kind: the two shares within 4 standard errors
      const pa = a.reduce((s, o) => s + o.kindIsAlloc, 0) / RUNS
      const pb = b.reduce((s, o) => s + o.kindIsAlloc, 0) / RUNS
      expect(Math.abs(pa - pb)).toBeLessThan(4 * Math.sqrt((2 * Math.max(pa * (1 - pa), 1e-4)) / RUNS))
      // the list a reader sees (-1 when the contact came before the read, with the same probability)
      expect(ks(a.map((o) => o.countAtRead), b.map((o) => o.countAtRead))).toBeLessThan(KS_CRITICAL)
    })
  }
  it('fails the same test when a rate is off by 10 %', () => {
    const c = CASES[0]
    const oracleStream = new RandomStream(11, 'oracle')
    const a = Array.from({ length: RUNS }, () => perBurst(c, oracleStream))
    const b = Array.from({ length: RUNS }, (_, i) => closedForm({ ...c, allocRate: c.allocRate * 1.1, freeRate: c.freeRate * 1.1 }, i + 1))
    expect(ks(a.map((o) => o.contactAt), b.map((o) => o.contactAt))).toBeGreaterThan(KS_CRITICAL)
  })
})

/** Two reads of one CPU's list (the first after the warm-up's end), with or without a new draw at the first. */
const TWO_READS = { unit: 32, count: 200, high: 400, held: 10_000, allocRate: 20_000, freeRate: 15_000, t1: 300_000, t2: 900_000, warmupNs: 150_000 }

interface TwoReads {
  /** the list at each read (-1: the contact came first), the last burst before the first read, bursts counted after the warm-up by then */
  first: number
  lastBefore: number
  counted: number
  second: number
}

function twoReadsPerBurst(s: RandomStream): TwoReads {
  const c = TWO_READS
  let lastBefore = -1
  let counted = 0
  let first = -2
  for (const b of perBurstBursts({ ...c, lockedUntil: 0 }, s)) {
    if (first === -2 && b.t > c.t1) first = b.count
    if (b.t > c.t2) return { first, lastBefore, counted, second: b.count }
    if (!b.local) return first === -2 ? { first: -1, lastBefore: -1, counted: -1, second: -1 } : { first, lastBefore, counted, second: -1 }
    if (b.t < c.t1) {
      lastBefore = b.t
      if (b.t >= c.warmupNs) counted++
    }
  }
  throw new Error('unreachable: the bursts end with the contact')
}

function twoReadsClosedForm(seed: number, drawAgain: boolean): TwoReads {
  const c = TWO_READS
  const k = allocator({ name: '', unit: c.unit, count: c.count, high: c.high, held: c.held, allocRate: c.allocRate, freeRate: c.freeRate, lockedUntil: 0, readAt: 0 })
  const run = new LocalRun(k, 0, c.unit, 1e9 / c.allocRate, 1e9 / c.freeRate, 0, 4096,
    new RandomStream(seed, 'marks'), new RandomStream(seed, 'times'), new RandomStream(seed, 'reads'))
  let held = c.held
  run.plan(0, held, Infinity)
  if (run.contactAt <= c.t1) return { first: -1, lastBefore: -1, counted: -1, second: -1 }
  const taken = run.take(c.t1, c.warmupNs)
  k.pcp.add(0, taken.pages)
  held -= taken.pages
  const result = { first: k.pcp.count[0], lastBefore: taken.bursts > 0 ? run.lastBurstAt() : -1, counted: taken.counted, second: -1 }
  // a reader that changed the list makes the CPU draw its future again from there (listsChanged)
  if (drawAgain) run.plan(c.t1, held, Infinity)
  if (run.contactAt <= c.t2) return result
  k.pcp.add(0, run.take(c.t2, 0).pages)
  return { ...result, second: k.pcp.count[0] }
}

describe('LocalRun: two reads, the warm-up and a new draw', () => {
  for (const drawAgain of [false, true]) {
    it(`has the distribution of one event per burst at both reads${drawAgain ? ', drawing again at the first' : ''}`, () => {
      const oracleStream = new RandomStream(7, 'oracle')
      const a = Array.from({ length: RUNS }, () => twoReadsPerBurst(oracleStream))
      const b = Array.from({ length: RUNS }, (_, i) => twoReadsClosedForm(i + 1, drawAgain))
      for (const key of ['first', 'lastBefore', 'counted', 'second'] as const) {
        expect(ks(a.map((o) => o[key]), b.map((o) => o[key])), key).toBeLessThan(KS_CRITICAL)
      }
    })
  }
})

describe('BurstWalk', () => {
  it('stays within its bounds at every burst and ends with the burst that would leave them', () => {
    fc.assert(fc.property(fc.integer({ min: -60, max: 0 }), fc.integer({ min: -1, max: 60 }), fc.constantFrom(2147483648, 1288490189, 3006477107), fc.integer({ min: 1, max: 500 }), (lo, hi, allocBelow, seed) => {
      const maxRun = 300
      const walk = new BurstWalk(new RandomStream(seed, 'w'), allocBelow, maxRun)
      const n = walk.walk(lo, hi)
      for (let k = 1; k <= n; k++) {
        const y = 2 * walk.frees(0, k) - k
        expect(y).toBeGreaterThanOrEqual(lo)
        expect(y).toBeLessThanOrEqual(hi)
      }
      const end = 2 * walk.frees(0, n) - n + (walk.kind === FREE ? 1 : -1)
      if (n < maxRun) expect(end < lo || end > hi).toBe(true)
      // any window's frees are the difference of two prefixes
      if (n > 3) expect(walk.frees(1, n - 2)).toBe(walk.frees(0, n - 1) - walk.frees(0, 1))
    }), { numRuns: 300 })
  })
  it('takes a fair walk a byte at a time exactly as mark by mark: the same bursts, marks and ending kind', () => {
    // the reference: one random word per 32 marks, least significant bit first, each mark checked against the
    // bounds (and maxRun) before it is taken — the walk of engines before the byte table
    const reference = (stream: RandomStream, lo: number, hi: number, maxRun: number) => {
      const marks: number[] = []
      let y = 0
      for (;;) {
        const word = stream.nextUint32()
        for (let j = 0; j < 32; j++) {
          const mark = (word >>> j) & 1
          const next = mark === FREE ? y + 1 : y - 1
          if (marks.length === maxRun || next < lo || next > hi) return { marks, kind: mark }
          marks.push(mark)
          y = next
        }
      }
    }
    fc.assert(fc.property(fc.integer({ min: -40, max: 0 }), fc.oneof(fc.integer({ min: -12, max: 40 }), fc.constant(-Infinity)), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 10_000 }), (lo, hi, maxRun, seed) => {
      const walk = new BurstWalk(new RandomStream(seed, 'w'), 2147483648, maxRun)
      const n = walk.walk(lo, hi)
      const ref = reference(new RandomStream(seed, 'w'), lo, hi, maxRun)
      expect(n).toBe(ref.marks.length)
      expect(walk.kind).toBe(ref.kind)
      for (let k = 0; k < n; k++) expect(walk.frees(k, 1)).toBe(ref.marks[k])
      // the highest position after bursts first..n-1, from any first
      for (const first of [0, Math.floor(n / 3), Math.max(0, n - 1)]) {
        let y = 0
        let top = -Infinity
        ref.marks.forEach((m, k) => {
          y += m === FREE ? 1 : -1
          if (k >= first && y > top) top = y
        })
        expect(walk.highestAfter(first, n)).toBe(top)
      }
    }), { numRuns: 500 })
  })
  it('draws allocations with the probability it is given', () => {
    const walk = new BurstWalk(new RandomStream(5, 'p'), Math.round(0.3 * 4294967296), 1)
    let allocs = 0
    for (let i = 0; i < 20_000; i++) {
      // bounds that no burst stays in: the walk ends at once with the first burst's kind
      walk.walk(0, -1)
      if (walk.kind === ALLOC) allocs++
    }
    expect(Math.abs(allocs / 20_000 - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 20_000))
  })
})

describe('binomial and gamma draws', () => {
  it('draws Binomial(n, p) with its mean and variance, n above one block included', () => {
    for (const [n, p] of [[10, 0.3], [700, 0.5], [2000, 0.9], [50, 0.02]] as const) {
      const s = new RandomStream(n, 'b')
      const xs = Array.from({ length: 20_000 }, () => binomial(s, n, p))
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length
      const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / xs.length))
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95)
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05)
    }
  })
  it('draws Gamma(k, 1) with mean k and variance k', () => {
    for (const k of [2, 7.5, 300]) {
      const s = new RandomStream(3, `g${k}`)
      const xs = Array.from({ length: 20_000 }, () => s.gamma(k))
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length
      const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)
      expect(Math.abs(mean - k)).toBeLessThan(4 * Math.sqrt(k / xs.length))
      expect(variance / k).toBeGreaterThan(0.95)
      expect(variance / k).toBeLessThan(1.05)
    }
  })
})
