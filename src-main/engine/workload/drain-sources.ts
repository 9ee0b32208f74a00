// The drain sources of the profile: reclaim (global drains), cma / compaction (zone drains),
// offline (forced zone drain), each a Poisson process with its own random stream, and once (a
// global drain at atMs, like drop_caches); lru, memcg and slab call their per-CPU flush instead.
// Each runs on a housekeeping CPU.
import type { DrainSource, Profile } from '../../../src-shared/profile/schema'
import { housekeepingCpus } from '../../../src-shared/profile/cpu-roles'
import { flushOfSource, forcesFlush, isPcpDrainSource } from '../../../src-shared/profile/drain-source-kinds'
import type { DrainAllPages } from '../drain/drain-all-pages'
import type { PerCpuFlushes } from '../flush/per-cpu-flushes'
import type { RunModelOptions } from '../run-model-options'
import type { EventQueue } from '../sim/event-queue'
import { RandomStream } from '../sim/random-stream'

export class DrainSources {
  private readonly sources: DrainSource[]
  private readonly streams: RandomStream[]
  private readonly cpus: number[]
  /** event kind of a source firing (arg: source index) */
  private readonly requestKind: number

  constructor(
    profile: Profile,
    private readonly queue: EventQueue,
    private readonly drains: DrainAllPages,
    private readonly flushes: PerCpuFlushes,
    private readonly onDrainRequest: RunModelOptions['onDrainRequest'],
    seed: number
  ) {
    this.sources = profile.drainSources
    this.requestKind = queue.register((now, index) => this.onRequest(index, now))
    this.streams = this.sources.map((_, i) => new RandomStream(seed, `drain:${i}`))
    const firstHk = housekeepingCpus(profile)[0]
    this.cpus = this.sources.map((s) => s.cpu ?? firstHk)
  }

  start(): void {
    this.sources.forEach((s, i) => {
      if (s.kind === 'once') this.queue.push(Math.round((s.atMs ?? 0) * 1e6), this.requestKind, i)
      else this.scheduleNext(i, 0)
    })
  }

  private onRequest(index: number, now: number): void {
    const s = this.sources[index]
    this.onDrainRequest?.({ source: index, kind: s.kind, tNs: now })
    if (isPcpDrainSource(s.kind)) this.drains.request(index, s.kind, this.cpus[index], now)
    else {
      const flush = flushOfSource(s.kind)
      if (flush !== null) this.flushes.request(flush, this.cpus[index], now, forcesFlush(s.kind))
    }
    if (s.kind !== 'once') this.scheduleNext(index, now)
  }

  private scheduleNext(index: number, now: number): void {
    const rate = this.sources[index].ratePerSec ?? 0
    if (rate <= 0) return
    this.queue.push(now + Math.max(1, Math.round(this.streams[index].exponential(1e9 / rate))), this.requestKind, index)
  }
}
