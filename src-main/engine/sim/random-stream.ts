// Seeded random streams, one per source (arrivals, execution times, drain sources), so that changing
// one source's parameters never reshuffles another's draws. xoshiro128** seeded by splitmix32 of
// hash(seed, stream name).

/** FNV-1a over the stream name, mixed with the run seed. */
function streamSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0)
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= Math.imul(seed >>> 16, 0x85ebca6b)
  return h >>> 0
}

export class RandomStream {
  private s0: number
  private s1: number
  private s2: number
  private s3: number
  private spareNormal = NaN

  constructor(seed: number, name: string) {
    let x = streamSeed(seed, name)
    const splitmix32 = (): number => {
      x = (x + 0x9e3779b9) | 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    // the state as signed 32-bit integers (the same bits): a field's first value fixes how V8 stores it, and an
    // unsigned value ≥ 2^31 made it a boxed number for good — every later read checked and converted it
    this.s0 = splitmix32() | 0
    this.s1 = splitmix32() | 0
    this.s2 = splitmix32() | 0
    this.s3 = splitmix32() | 0
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1
  }

  /** xoshiro128**: next 32 random bits. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0
    const t = this.s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result
  }

  /** Uniform in [0, 1), 53 bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5
    const lo = this.nextUint32() >>> 6
    return (hi * 67108864 + lo) / 9007199254740992
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Exponential inter-arrival time with the given mean (a Poisson process of rate 1/mean). */
  exponential(mean: number): number {
    // 32 random bits are plenty for an inter-arrival time: u in (0, 1), never 0
    return -Math.log((this.nextUint32() + 0.5) / 4294967296) * mean
  }

  /**
   * Gamma(shape, 1) for shape ≥ 1 — the time to the shape-th event of a unit-rate Poisson process —
   * by Marsaglia and Tsang's squeeze method (ACM TOMS 26(3), 2000): exact, about one normal per draw.
   */
  gamma(shape: number): number {
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      let x: number
      let v: number
      do {
        x = this.normal()
        v = 1 + c * x
      } while (v <= 0)
      v = v * v * v
      const u = 1 - this.next()
      const x2 = x * x
      if (u < 1 - 0.0331 * x2 * x2) return d * v
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v
    }
  }

  /** Standard normal (Box–Muller, the spare kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal
      this.spareNormal = NaN
      return v
    }
    const u = 1 - this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}
