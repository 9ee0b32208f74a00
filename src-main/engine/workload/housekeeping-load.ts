// The housekeeping load: per housekeeping CPU, allocation and free bursts (Poisson, `unit` pages each)
// moving pcp->count between refills from and bulk frees to the zone, with their zone->lock traffic.
// A burst stands for `unit` consecutive order-0 allocations or a free_unref_page_list of `unit` pages;
// with kernel.pcp.thpFraction, that share of the freed pages comes back as THP-sized entries.
//
// Most bursts stay on the CPU's own lists (no refill, no bulk free, no remote lock hold): nothing
// another CPU sees changes until something reads those lists. So a CPU's bursts are drawn ahead
// (BurstArrivals), walked dry to find the next one that contacts another CPU (LocalBurstWalk), and
// only that one is an event, run by onAlloc/onFree; the local bursts before it are applied together
// (applyLocal: what those functions do for them, summed) when it runs or when another CPU reads or
// changes this CPU's lists first (catchUp / listsChanged, sched/owner-activity.ts). Each burst meets
// everything in the same order as when every burst was an event (engine 0.4.1): the results are the
// same, for a fraction of the events (model.md §5).
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
import { Timer } from '../sim/timer'
import type { OwnerActivity } from '../sched/owner-activity'
import { ALLOC, BurstArrivals } from './burst-arrivals'
import { LocalBurstWalk } from './local-burst-walk'

/** Working set each housekeeping CPU's tasks hold at start (pages), so frees have pages to return. */
const INITIAL_HELD_PAGES = 65536
/** Local bursts walked ahead at most: the next burst after them runs as an event anyway, which bounds the buffers. */
const MAX_LOCAL_RUN = 4096

export class HousekeepingLoad implements OwnerActivity {
  readonly cpus: number[]
  /** per housekeeping CPU, ascending cpu (the order of `cpus`) */
  readonly perCpu: HousekeepingCpuStats[]
  /** pages held by housekeeping tasks, all CPUs */
  heldTotal = 0
  /** pages moved per burst */
  readonly unit: number
  private readonly held: Float64Array
  private readonly thpStreams: RandomStream[] = []
  /** per housekeeping CPU (by cpu): its drawn bursts, and its next contact's event */
  private readonly arrivals: BurstArrivals[] = []
  private readonly contacts: Timer[] = []
  /** per CPU: the bursts from arrivals.head on that are local (the one after them is the contact) */
  private readonly localRuns: Int32Array
  private readonly walk: LocalBurstWalk
  /** the owner's pcp->lock is a spinlock (6.0+): operations hold it, list frees unlock per batch */
  private readonly spin: boolean
  /** time and fastPathOverhead share of a `unit`-page operation on the list alone (no refill, no bulk free) */
  private readonly localOpNs: number
  private readonly localOpOverheadNs: number
  /** per CPU: local bursts applied after the warm-up, whose counters finish() records */
  private readonly localOps: Float64Array
  /** probability that a free burst returns one THP-sized entry instead of `unit` order-0 pages */
  private readonly thpFreeChance: number
  private readonly op = new OwnerOpResult()
  private readonly zoneLock = new ZoneLockHold()
  /** perCpu indexed by cpu number, for the event handlers */
  private readonly statsOf: HousekeepingCpuStats[] = []

  constructor(profile: Profile, private readonly sim: SimContext & PageAllocator, private readonly cpuTime: KernelCpuTime, seed: number, private readonly endNs: number) {
    this.cpus = housekeepingCpus(profile)
    this.perCpu = this.cpus.map((cpu) => (this.statsOf[cpu] = new HousekeepingCpuStats(cpu)))
    const n = profile.machine.cpus
    this.unit = Math.max(1, Math.ceil(sim.pcp.batch / 2))
    // thpFraction of the freed pages arrive as THP entries: p * thpPages = thpFraction * ((1 - p) * unit + p * thpPages)
    const f = profile.kernel.pcp.thpFraction
    const thpPages = sim.pcp.thpPages
    this.thpFreeChance = f >= 1 ? 1 : (f * this.unit) / (thpPages - f * thpPages + f * this.unit)
    this.held = new Float64Array(n)
    this.localRuns = new Int32Array(n)
    this.walk = new LocalBurstWalk(sim, this.unit, this.thpFreeChance)
    this.localOps = new Float64Array(n)
    this.spin = sim.traits.pcpLock === 'pcp-spinlock'
    // as rmqueuePcplist and freeUnrefPageCommit compute it
    const fast = this.unit * sim.costs.ownerCriticalSectionNs
    this.localOpOverheadNs = this.spin ? Math.round(fast * sim.costs.fastPathOverhead) : 0
    this.localOpNs = Math.round(fast) + this.localOpOverheadNs
    const hk = profile.housekeeping
    for (const cpu of this.cpus) {
      const o = hk.perCpu.find((p) => p.cpu === cpu)
      const alloc = o?.allocRatePagesPerSec ?? hk.allocRatePagesPerSec
      const free = o?.freeRatePagesPerSec ?? hk.freeRatePagesPerSec
      const allocMeanNs = alloc > 0 ? (this.unit / alloc) * 1e9 : Infinity
      const freeMeanNs = free > 0 ? (this.unit / free) * 1e9 : Infinity
      this.arrivals[cpu] = new BurstArrivals(allocMeanNs, freeMeanNs, new RandomStream(seed, `hk:${cpu}:alloc`), new RandomStream(seed, `hk:${cpu}:free`))
      this.thpStreams[cpu] = new RandomStream(seed, `hk:${cpu}:thp`)
      this.contacts[cpu] = new Timer(sim.queue, (now) => this.onContact(cpu, now))
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
      this.arrivals[cpu].start()
      this.plan(cpu)
    }
  }

  catchUp(cpu: number, now: number, pushedAt = this.sim.queue.pushedAt): void {
    const arrivals = this.arrivals[cpu]
    if (arrivals === undefined) return
    const { times, pushedAts, kinds, head } = arrivals
    const run = head + this.localRuns[cpu]
    // a burst at `now` ran first when its event was scheduled no later than the one being handled
    let end = head
    let frees = 0
    let counted = 0
    let lastFree = -1
    const warmupNs = this.sim.warmupNs
    for (; end < run && (times[end] < now || (times[end] === now && pushedAts[end] <= pushedAt)); end++) {
      if (kinds[end] !== ALLOC) {
        frees++
        lastFree = end
      }
      if (times[end] >= warmupNs) counted++
    }
    const applied = end - head
    if (applied === 0) return
    this.applyLocal(cpu, (2 * frees - applied) * this.unit, times[end - 1], lastFree < 0 ? -1 : times[lastFree], counted)
    this.localRuns[cpu] -= applied
    arrivals.shift(applied)
  }

  catchUpAll(now: number, pushedAt = this.sim.queue.pushedAt): void {
    for (const cpu of this.cpus) this.catchUp(cpu, now, pushedAt)
  }

  listsChanged(cpu: number): void {
    if (this.arrivals[cpu] !== undefined) this.plan(cpu)
  }

  /** `cpu`'s next contact: its local bursts run, then the contact itself, then the walk goes on. */
  private onContact(cpu: number, now: number): void {
    this.catchUp(cpu, Infinity)
    const arrivals = this.arrivals[cpu]
    const kind = arrivals.kinds[arrivals.head]
    arrivals.shift(1)
    if (kind === ALLOC) this.onAlloc(cpu, now)
    else this.onFree(cpu, now)
    this.plan(cpu)
  }

  /** Walks `cpu`'s bursts from the first not applied to its next contact, and schedules that. */
  private plan(cpu: number): void {
    const arrivals = this.arrivals[cpu]
    const n = this.walk.localRun(cpu, arrivals, this.held[cpu], MAX_LOCAL_RUN, this.endNs)
    this.localRuns[cpu] = n
    // a run cut at MAX_LOCAL_RUN: the burst after it is not drawn yet
    if (arrivals.head + n === arrivals.tail) arrivals.drawNext()
    const slot = arrivals.head + n
    if (slot < arrivals.tail && arrivals.times[slot] < this.endNs) this.contacts[cpu].scheduleAs(arrivals.times[slot], arrivals.pushedAts[slot])
    else this.contacts[cpu].cancel()
  }

  /**
   * Applies local bursts together — what rmqueuePcplist / freeUnrefPages do for each without a refill, a
   * bulk free or a remote lock, summed: `pages` net onto the list, the owner's pcp->lock held (6.0+) to
   * the end of the last one at `lastAt`, the last free list's one batch unlocking at its end (from
   * `lastFreeAt`, -1 for none), `counted` of them after the warm-up, whose counters finish() records.
   */
  private applyLocal(cpu: number, pages: number, lastAt: number, lastFreeAt: number, counted: number): void {
    const pcp = this.sim.pcp
    pcp.add(cpu, pages)
    this.held[cpu] -= pages
    this.heldTotal -= pages
    if (this.spin) {
      pcp.ownerHolds(cpu, lastAt + this.localOpNs)
      if (lastFreeAt >= 0) {
        pcp.listFree.clear(cpu)
        pcp.listFree.push(cpu, lastFreeAt + this.localOpNs, this.unit)
      }
    }
    this.localOps[cpu] += counted
  }

  /** The end of the run at `endNs`: the last local bursts, and the summed counters of the local ones. */
  finish(endNs: number): void {
    this.catchUpAll(endNs, -Infinity)
    for (const stats of this.perCpu) {
      const ops = this.localOps[stats.cpu]
      if (ops === 0) continue
      stats.allocFastPath.record(this.localOpNs / this.unit, ops * this.unit)
      stats.overheadNs += ops * this.localOpOverheadNs
      this.cpuTime.addFastPathOverhead(ops * this.localOpOverheadNs)
    }
  }

  /** One allocation burst on `cpu` at `now`. */
  onAlloc(cpu: number, now: number): void {
    const sim = this.sim
    const op = this.op
    const got = rmqueuePcplist(sim, cpu, this.unit, now, op)
    this.held[cpu] += got
    this.heldTotal += got
    this.recordOp(cpu, now, got)
  }

  /** One free burst on `cpu` at `now`. */
  onFree(cpu: number, now: number): void {
    const thpPages = this.sim.pcp.thpPages
    const thp = this.thpFreeChance > 0 && this.held[cpu] >= thpPages && this.thpStreams[cpu].next() < this.thpFreeChance
    const pages = thp ? thpPages : Math.min(this.unit, this.held[cpu])
    if (pages > 0) {
      freeUnrefPages(this.sim, cpu, pages, true, now, this.op, thp)
      this.held[cpu] -= pages
      this.heldTotal -= pages
      this.recordOp(cpu, now, pages)
    } else {
      this.op.reset()
    }
  }

  /** The vmstat worker (6.7+) runs decay_pcp_high() on every housekeeping CPU. */
  onVmstatDecay(now: number): void {
    for (const cpu of this.cpus) {
      this.catchUp(cpu, now)
      this.decayPcpHigh(cpu, now)
      this.plan(cpu)
    }
  }

  /** decay_pcp_high(): high decays by 1/8 towards high_min, the excess is freed. */
  private decayPcpHigh(cpu: number, now: number): void {
    const sim = this.sim
    const pcp = sim.pcp
    const high = Math.max(sim.params.highMin, pcp.high[cpu] - (pcp.high[cpu] >> 3))
    pcp.high[cpu] = high
    const excess = pcp.count[cpu] - high
    if (excess <= 0) return
    freePcppagesBulk(sim, cpu, excess, sim.costs.tPageLocalNs, now, this.zoneLock)
    const wait = this.zoneLock.waitNs
    const hold = this.zoneLock.holdNs
    // the lock is taken in the warm-up too; only the metric skips it
    if (now >= sim.warmupNs) this.statsOf[cpu].zoneLockWait.record(wait)
    // decay_pcp_high() frees under pcp->lock: a remote drainer spins on it
    if (sim.traits.pcpLock === 'pcp-spinlock') pcp.ownerHolds(cpu, now + wait + hold)
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

}
