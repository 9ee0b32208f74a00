// Execution time of a realtime job: fixed, uniform or log-normal (by median and sigma of ln x), in ns.
import type { Distribution } from '../../../src-shared/profile/schema'
import type { RandomStream } from '../sim/random-stream'

export class RuntimeSampler {
  constructor(private readonly dist: number | Distribution, private readonly stream: RandomStream) {}

  /** The execution time when it is the same for every job (no draw), else null. */
  fixedNs(): number | null {
    const d = this.dist
    if (typeof d === 'number') return Math.round(d * 1000)
    return d.dist === 'fixed' ? Math.round(d.valueUs * 1000) : null
  }

  sampleNs(): number {
    const d = this.dist
    if (typeof d === 'number') return Math.round(d * 1000)
    switch (d.dist) {
      case 'fixed': return Math.round(d.valueUs * 1000)
      case 'uniform': return Math.round(this.stream.uniform(d.minUs, d.maxUs) * 1000)
      case 'lognormal': return Math.max(1, Math.round(d.medianUs * Math.exp(d.sigma * this.stream.normal()) * 1000))
    }
  }
}
