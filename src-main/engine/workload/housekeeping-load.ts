// The housekeeping load: per housekeeping CPU, allocation and free bursts (Poisson, `unit` pages each)
// moving pcp->count between refills from and bulk frees to the zone, with their zone->lock traffic.
// A burst stands for `unit` consecutive order-0 allocations or a free_unref_page_list of `unit` pages;
// with kernel.pcp.thpFraction, that share of the freed pages comes back as THP-sized entries.
import type { Profile } from '../../../src-shared/profile/schema'
import { housekeepingCpus } from '../../../src-shared/profile/cpu-roles'
import { freePcppagesBulk } from '../mm/free-pcppages-bulk'
import { freeUnrefPages } from '../mm/free-unref-page'
import { OwnerOpResult } from '../mm/owner-op-result'
import type { PageAllocator } from '../mm/page-allocator'
import { rmqueuePcplist } from '../mm/rmqueue-pcplist'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import { HousekeepingCpuStats } from '../metrics/housekeeping-cpu-stats'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import { RandomStream } from '../sim/random-stream'
import type { SimContext } from '../sim/sim-context'

/** Working set each housekeeping CPU's tasks hold at start (pages), so frees have pages to return. */
const INITIAL_HELD_PAGES = 65536

export class HousekeepingLoad {
  readonly cpus: number[]
  /** per housekeeping CPU, ascending cpu (the order of `cpus`) */
  readonly perCpu: HousekeepingCpuStats[]
  /** pages held by housekeeping tasks, all CPUs */
  heldTotal = 0
  /** pages moved per burst */
  readonly unit: number
  private readonly held: Float64Array
  private readonly allocMeanNs: Float64Array
  private readonly freeMeanNs: Float64Array
  private readonly allocStreams: RandomStream[] = []
  private readonly freeStreams: RandomStream[] = []
  private readonly thpStreams: RandomStream[] = []
  /** probability that a free burst returns one THP-sized entry instead of `unit` order-0 pages */
  private readonly thpFreeChance: number
  private readonly op = new OwnerOpResult()
  private readonly zoneLock = new ZoneLockHold()
  /** perCpu indexed by cpu number, for the event handlers */
  private readonly statsOf: HousekeepingCpuStats[] = []
  /** event kinds of a CPU's next allocation burst and next free burst (arg: cpu) */
  private readonly allocKind: number
  private readonly freeKind: number

  constructor(profile: Profile, private readonly sim: SimContext & PageAllocator, private readonly cpuTime: KernelCpuTime, seed: number) {
    this.cpus = housekeepingCpus(profile)
    this.allocKind = sim.queue.register((now, cpu) => this.onAlloc(cpu, now))
    this.freeKind = sim.queue.register((now, cpu) => this.onFree(cpu, now))
    this.perCpu = this.cpus.map((cpu) => (this.statsOf[cpu] = new HousekeepingCpuStats(cpu)))
    const n = profile.machine.cpus
    this.unit = Math.max(1, Math.ceil(sim.pcp.batch / 2))
    // thpFraction of the freed pages arrive as THP entries: p * thpPages = thpFraction * ((1 - p) * unit + p * thpPages)
    const f = profile.kernel.pcp.thpFraction
    const thpPages = sim.pcp.thpPages
    this.thpFreeChance = f >= 1 ? 1 : (f * this.unit) / (thpPages - f * thpPages + f * this.unit)
    this.held = new Float64Array(n)
    this.allocMeanNs = new Float64Array(n)
    this.freeMeanNs = new Float64Array(n)
    const hk = profile.housekeeping
    for (const cpu of this.cpus) {
      const o = hk.perCpu.find((p) => p.cpu === cpu)
      const alloc = o?.allocRatePagesPerSec ?? hk.allocRatePagesPerSec
      const free = o?.freeRatePagesPerSec ?? hk.freeRatePagesPerSec
      this.allocMeanNs[cpu] = alloc > 0 ? (this.unit / alloc) * 1e9 : Infinity
      this.freeMeanNs[cpu] = free > 0 ? (this.unit / free) * 1e9 : Infinity
      this.allocStreams[cpu] = new RandomStream(seed, `hk:${cpu}:alloc`)
      this.freeStreams[cpu] = new RandomStream(seed, `hk:${cpu}:free`)
      this.thpStreams[cpu] = new RandomStream(seed, `hk:${cpu}:thp`)
    }
  }

  /** Fills the housekeeping pcplists and working sets from the zone and schedules the first bursts. */
  start(initialPcpPages: 'auto' | number, thpFraction: number): void {
    const sim = this.sim
    const high = sim.pcp.high[this.cpus[0]]
    const pages = initialPcpPages === 'auto' ? Math.floor((sim.pcp.batch + high) / 2) : initialPcpPages
    const ceiling = Math.max(sim.params.highMax, high) + sim.pcp.batch
    const heldEach = Math.min(INITIAL_HELD_PAGES, Math.floor(sim.zone.freePages / (4 * this.cpus.length)))
    for (const cpu of this.cpus) {
      const fill = Math.min(pages, sim.zone.freePages)
      sim.pcp.fill(cpu, fill, thpFraction, ceiling)
      sim.zone.freePages -= fill
      // the lists may have taken the zone's every page: a working set comes from what is left
      const held = Math.min(heldEach, sim.zone.freePages)
      this.held[cpu] = held
      this.heldTotal += held
      sim.zone.freePages -= held
      this.schedule(cpu, this.allocKind, 0)
      this.schedule(cpu, this.freeKind, 0)
    }
  }

  onAlloc(cpu: number, now: number): void {
    const sim = this.sim
    const op = this.op
    const got = rmqueuePcplist(sim, cpu, this.unit, now, op)
    this.held[cpu] += got
    this.heldTotal += got
    this.recordOp(cpu, now, got)
    this.schedule(cpu, this.allocKind, now)
  }

  onFree(cpu: number, now: number): void {
    const thpPages = this.sim.pcp.thpPages
    const thp = this.thpFreeChance > 0 && this.held[cpu] >= thpPages && this.thpStreams[cpu].next() < this.thpFreeChance
    const pages = thp ? thpPages : Math.min(this.unit, this.held[cpu])
    if (pages > 0) {
      freeUnrefPages(this.sim, cpu, pages, true, now, this.op, thp)
      this.held[cpu] -= pages
      this.heldTotal -= pages
      this.recordOp(cpu, now, pages)
    }
    this.schedule(cpu, this.freeKind, now)
  }

  /** decay_pcp_high() from the vmstat worker (6.7+): high decays by 1/8 towards high_min, the excess is freed. */
  onVmstatDecay(now: number): void {
    const sim = this.sim
    const pcp = sim.pcp
    for (const cpu of this.cpus) {
      const high = Math.max(sim.params.highMin, pcp.high[cpu] - (pcp.high[cpu] >> 3))
      pcp.high[cpu] = high
      const excess = pcp.count[cpu] - high
      if (excess <= 0) continue
      freePcppagesBulk(sim, cpu, excess, sim.costs.tPageLocalNs, now, this.zoneLock)
      const wait = this.zoneLock.waitNs
      const hold = this.zoneLock.holdNs
      // the lock is taken in the warm-up too; only the metric skips it
      if (now >= sim.warmupNs) this.statsOf[cpu].zoneLockWait.record(wait)
      // decay_pcp_high() frees under pcp->lock: a remote drainer spins on it
      if (sim.traits.pcpLock === 'pcp-spinlock') pcp.ownerHolds(cpu, now + wait + hold)
    }
  }

  /** 6.2+: a remote drainer made `cpu`'s list free fail its trylock between two batches; the rest went to the buddy allocator. */
  listFreeFallback(cpu: number, zoneWaitNs: number, now: number): void {
    const stats = this.statsOf[cpu]
    if (stats === undefined || now < this.sim.warmupNs) return
    stats.fallbacks++
    stats.zoneLockWait.record(zoneWaitNs)
  }

  /** Counters of one owner operation on `cpu` that moved `pages` pages. */
  private recordOp(cpu: number, now: number, pages: number): void {
    const op = this.op
    if (now < this.sim.warmupNs) return
    const stats = this.statsOf[cpu]
    this.cpuTime.addFastPathOverhead(op.overheadNs)
    stats.overheadNs += op.overheadNs
    if (op.fallback) {
      stats.fallbacks++
      stats.zoneLockWait.record(op.zoneWaitNs)
      if (pages > 0) stats.allocFastPath.record(op.fallbackNs / pages, pages)
      return
    }
    if (op.slowNs > 0) stats.zoneLockWait.record(op.zoneWaitNs)
    // an allocation that found the list and the zone empty got nothing: no per-page cost to record
    if (pages === 0) return
    const perPage = (op.ns - op.slowNs - op.spinNs) / pages
    if (op.slowNs > 0 || op.spinNs > 0) {
      stats.allocFastPath.record(perPage, pages - 1)
      stats.allocFastPath.record(perPage + op.slowNs + op.spinNs)
    } else {
      stats.allocFastPath.record(perPage, pages)
    }
  }

  private schedule(cpu: number, kind: number, now: number): void {
    const mean = kind === this.allocKind ? this.allocMeanNs[cpu] : this.freeMeanNs[cpu]
    if (mean === Infinity) return
    const stream = kind === this.allocKind ? this.allocStreams[cpu] : this.freeStreams[cpu]
    this.sim.queue.push(now + Math.max(1, Math.round(stream.exponential(mean))), kind, cpu)
  }
}
