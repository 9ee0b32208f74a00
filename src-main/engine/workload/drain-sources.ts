// The drain sources of the profile: reclaim (global drains), cma / compaction (zone drains),
// offline (forced zone drain), each a Poisson process with its own random stream, and once (a
// global drain at atMs, like drop_caches); lru, memcg and slab call their per-CPU flush instead.
// Each runs on a housekeeping CPU. A reclaim drain comes after a kswapd balance (workload/kswapd-balances.ts),
// scheduled when the drain's time is drawn.
import type { DrainSource, Profile } from '../../../src-shared/profile/schema'
import { housekeepingCpus } from '../../../src-shared/profile/cpu-roles'
import { flushOfSource, forcesFlush, isPcpDrainSource } from '../../../src-shared/profile/drain-source-kinds'
import { kswapdBalanceOf } from '../../../src-shared/kernel/kswapd-balance'
import type { DrainAllPages } from '../drain/drain-all-pages'
import type { PerCpuFlushes } from '../flush/per-cpu-flushes'
import type { RunModelOptions } from '../run-model-options'
import type { EventHandler, EventQueue } from '../sim/event-queue'
import { RandomStream } from '../sim/random-stream'
import { DOUBLE_ZERO } from '../sim/double-zero'
import type { KswapdBalances } from './kswapd-balances'

export class DrainSources {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly request: EventHandler<DrainSources> = (sources, now, index) => sources.onRequest(index, now)

  private readonly sources: DrainSource[]
  private readonly streams: RandomStream[]
  private readonly cpus: number[]
  /** per source: the kswapd balance before each of its drains (reclaim), in ns, or null */
  private readonly balances: Array<{ leadNs: number, balanceNs: number } | null>
  /** event kind of a source firing (arg: source index) */
  private readonly requestKind: number

  constructor(
    profile: Profile,
    private readonly queue: EventQueue,
    private readonly drains: DrainAllPages,
    private readonly flushes: PerCpuFlushes,
    private readonly kswapd: KswapdBalances,
    private readonly onDrainRequest: RunModelOptions['onDrainRequest'],
    seed: number
  ) {
    this.sources = profile.drainSources
    this.requestKind = queue.register(DrainSources.request, this)
    this.streams = this.sources.map((_, i) => new RandomStream(seed, `drain:${i}`))
    const firstHk = housekeepingCpus(profile)[0]
    this.cpus = this.sources.map((s) => s.cpu ?? firstHk)
    this.balances = this.sources.map((s) => {
      const b = kswapdBalanceOf(s)
      // doubles, as the times they are added to grow past 2^31 ns (sim/double-zero.ts)
      return b === null ? null : { leadNs: Math.round(b.leadMs * 1e6) + DOUBLE_ZERO, balanceNs: Math.max(1, Math.round(b.balanceMs * 1e6)) + DOUBLE_ZERO }
    })
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
    const at = now + Math.max(1, Math.round(this.streams[index].exponential(1e9 / rate)))
    this.queue.push(at, this.requestKind, index)
    const balance = this.balances[index]
    if (balance !== null) this.kswapd.before(at, now, balance.leadNs, balance.balanceNs)
  }
}
