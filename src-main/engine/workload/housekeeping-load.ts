// The housekeeping load: per housekeeping CPU, allocation and free bursts (Poisson, `unit` pages each)
// moving pcp->count between refills from and bulk frees to the zone, with their zone->lock traffic.
// A burst stands for `unit` consecutive order-0 allocations or a free_unref_page_list of `unit` pages;
// with kernel.pcp.thpFraction, that share of the freed pages comes back as THP-sized entries.
//
// Most bursts stay on the CPU's own lists (no refill, no bulk free, no remote lock hold): nothing
// another CPU sees changes until something reads those lists. So only a CPU's next contact — the
// first burst that is not local — is an event, run by onAlloc/onFree; the local bursts before it are
// drawn in closed form (LocalRun) and applied together (applyLocal: what those functions do for them,
// summed) when it runs or when another CPU reads or changes this CPU's lists first (catchUp /
// listsChanged, sched/owner-activity.ts). model.md §5 says why this is the same process as one event
// per burst (engine 0.4.1), and tests/engine/local-run.test.ts checks it.
//
// One load per zone whose pcplists run: ZONE_NORMAL's takes the CPUs' traffic but housekeeping.dma32Share,
// ZONE_DMA32's that share (HousekeepingTraffic) — each a thinned Poisson process of the CPU's bursts, so the
// two are independent (model.md §2.4).
import type { Profile } from '../../../src-shared/profile/schema'
import { housekeepingCpus } from '../../../src-shared/profile/cpu-roles'
import { freePcppagesBulk } from '../mm/free-pcppages-bulk'
import { freeUnrefPages } from '../mm/free-unref-page'
import { OwnerOpResult } from '../mm/owner-op-result'
import { decayPcpHigh } from '../mm/pcp-scaling'
import { startFillPages } from '../mm/start-fill'
import type { PageAllocator } from '../mm/page-allocator'
import { rmqueuePcplist } from '../mm/rmqueue-pcplist'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import { HousekeepingCpuStats } from '../metrics/housekeeping-cpu-stats'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import { RandomStream } from '../sim/random-stream'
import { DOUBLE_ZERO } from '../sim/double-zero'
import type { SimContext } from '../sim/sim-context'
import { TimerSet, type TimerSetExpiry } from '../sim/timer-set'
import type { OwnerActivity } from '../sched/owner-activity'
import { ALLOC, LocalRun, type TakenBursts } from './local-run'

/** Working set each housekeeping CPU's tasks hold at start (pages), so frees have pages to return. */
const INITIAL_HELD_PAGES = 65536
/** Local bursts drawn ahead at most: the next burst after them runs as an event anyway, which bounds the buffers. */
const MAX_LOCAL_RUN = 4096

/** The share of each CPU's bursts a zone's load takes, its random streams' tag, and the per-CPU statistics it adds to. */
export interface HousekeepingTraffic {
  share: number
  /** '' for ZONE_NORMAL (the streams of engines before zones), ':dma32' for ZONE_DMA32 */
  tag: string
  /** the other zone's load's statistics, so that a CPU has one row whatever zone its operations touched */
  perCpu?: HousekeepingCpuStats[]
}

export class HousekeepingLoad implements OwnerActivity {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly contact: TimerSetExpiry<HousekeepingLoad> = (load, cpu, now) => load.onContact(cpu, now)

  readonly cpus: number[]
  /** per housekeeping CPU, ascending cpu (the order of `cpus`) */
  readonly perCpu: HousekeepingCpuStats[]
  /** pages held by housekeeping tasks, all CPUs */
  heldTotal = 0
  /** pages moved per burst */
  readonly unit: number
  private readonly held: Float64Array
  private readonly thpStreams: RandomStream[] = []
  /** per housekeeping CPU (by cpu): its local bursts to the next contact, and that contact's event */
  private readonly runs: LocalRun[] = []
  private readonly contacts: TimerSet<HousekeepingLoad>
  /** the owner's pcp->lock is a spinlock (6.0+): operations hold it, list frees unlock per batch */
  private readonly spin: boolean
  /** time and fastPathOverhead share of a `unit`-page operation on the list alone (no refill, no bulk free) */
  private readonly localOpNs: number
  private readonly localOpOverheadNs: number
  /** a page's fast-path time in such an operation: what most pages of every operation record */
  private readonly localPageNs: number
  /**
   * Per CPU, counted after the warm-up and recorded by finish(): local bursts applied; the pages of the other
   * operations that took localPageNs each; the zone->lock takes that did not wait. Most of a contact's samples
   * are one of these two values (localPageNs, a wait of 0), and a histogram's counts, sum, min and max do not
   * depend on the order of its samples: recorded at the end together, they give the same result as one record
   * each, for up to two fewer records per contact.
   */
  private readonly localOps: Float64Array
  private readonly localPages: Float64Array
  private readonly lockTakesNoWait: Float64Array
  /** probability that a free burst returns one THP-sized entry instead of `unit` order-0 pages */
  private readonly thpFreeChance: number
  private readonly op = new OwnerOpResult()
  private readonly zoneLock = new ZoneLockHold()
  /** perCpu indexed by cpu number, for the event handlers */
  private readonly statsOf: HousekeepingCpuStats[] = []

  constructor(
    profile: Profile,
    private readonly sim: SimContext & PageAllocator,
    private readonly cpuTime: KernelCpuTime,
    seed: number,
    private readonly endNs: number,
    traffic: HousekeepingTraffic = { share: 1, tag: '' }
  ) {
    this.cpus = housekeepingCpus(profile)
    const shared = traffic.perCpu
    this.perCpu = this.cpus.map((cpu, i) => (this.statsOf[cpu] = shared?.[i] ?? new HousekeepingCpuStats(cpu)))
    const n = profile.machine.cpus
    this.unit = Math.max(1, Math.ceil(sim.pcp.batch / 2))
    // thpFraction of the freed pages arrive as THP entries: p * thpPages = thpFraction * ((1 - p) * unit + p * thpPages)
    const f = profile.kernel.pcp.thpFraction
    const thpPages = sim.pcp.thpPages
    this.thpFreeChance = f >= 1 ? 1 : (f * this.unit) / (thpPages - f * thpPages + f * this.unit)
    this.held = new Float64Array(n)
    this.localOps = new Float64Array(n)
    this.localPages = new Float64Array(n)
    this.lockTakesNoWait = new Float64Array(n)
    this.spin = sim.traits.pcpLock === 'pcp-spinlock'
    // as rmqueuePcplist and freeUnrefPageCommit compute it; localOpNs a double, as the times it is added to grow
    // past 2^31 ns (sim/double-zero.ts)
    const fast = this.unit * sim.costs.ownerCriticalSectionNs
    this.localOpOverheadNs = this.spin ? Math.round(fast * sim.costs.fastPathOverhead) : 0
    this.localOpNs = Math.round(fast) + this.localOpOverheadNs + DOUBLE_ZERO
    this.localPageNs = this.localOpNs / this.unit
    const hk = profile.housekeeping
    this.contacts = new TimerSet<HousekeepingLoad>(sim.queue, n, HousekeepingLoad.contact, this)
    for (const cpu of this.cpus) {
      const o = hk.perCpu.find((p) => p.cpu === cpu)
      const alloc = (o?.allocRatePagesPerSec ?? hk.allocRatePagesPerSec) * traffic.share
      const free = (o?.freeRatePagesPerSec ?? hk.freeRatePagesPerSec) * traffic.share
      const allocMeanNs = alloc > 0 ? (this.unit / alloc) * 1e9 : Infinity
      const freeMeanNs = free > 0 ? (this.unit / free) * 1e9 : Infinity
      this.runs[cpu] = new LocalRun(sim, cpu, this.unit, allocMeanNs, freeMeanNs, this.thpFreeChance, MAX_LOCAL_RUN,
        new RandomStream(seed, `hk:${cpu}${traffic.tag}:steps`), new RandomStream(seed, `hk:${cpu}${traffic.tag}:times`), new RandomStream(seed, `hk:${cpu}${traffic.tag}:reads`))
      this.thpStreams[cpu] = new RandomStream(seed, `hk:${cpu}${traffic.tag}:thp`)
    }
  }

  /**
   * Fills the housekeeping pcplists and working sets from the zone and schedules the first bursts. Returns
   * the pages asked for above what the lists hold at rest, not placed (mm/start-fill.ts).
   */
  start(initialPcpPages: 'auto' | number, thpFraction: number): number {
    const sim = this.sim
    const high = sim.pcp.high[this.cpus[0]]
    const pages = initialPcpPages === 'auto' ? Math.floor((sim.pcp.batch + high) / 2) : initialPcpPages
    const ceiling = Math.max(sim.params.highMax, high) + sim.pcp.batch
    const heldEach = Math.min(INITIAL_HELD_PAGES, Math.floor(sim.zone.freePages / (4 * this.cpus.length)))
    let notPlaced = 0
    for (const cpu of this.cpus) {
      const asked = Math.min(pages, sim.zone.freePages)
      const fill = startFillPages(sim, cpu, asked)
      notPlaced += asked - fill
      sim.pcp.fill(cpu, fill, thpFraction, ceiling)
      sim.zone.freePages -= fill
      // the lists may have taken the zone's every page: a working set comes from what is left
      const held = Math.min(heldEach, sim.zone.freePages)
      this.held[cpu] = held
      this.heldTotal += held
      sim.zone.freePages -= held
      this.plan(cpu, 0)
    }
    return notPlaced
  }

  catchUp(cpu: number, now: number): void {
    const run = this.runs[cpu]
    if (run === undefined || run.pending === 0) return
    const taken = run.take(now, this.sim.warmupNs)
    if (taken.bursts === 0) return
    this.applyLocal(cpu, taken)
    // the last one's pcp->lock hold, which a drainer reading the list now may still find
    if (this.spin) this.sim.pcp.ownerHolds(cpu, run.lastBurstAt() + this.localOpNs)
  }

  catchUpAll(now: number): void {
    for (const cpu of this.cpus) this.catchUp(cpu, now)
  }

  listsChanged(cpu: number, now: number): void {
    if (this.runs[cpu] !== undefined) this.plan(cpu, now)
  }

  /** `cpu`'s next contact: its local bursts run, then the contact itself, then the CPU plans on. */
  private onContact(cpu: number, now: number): void {
    const run = this.runs[cpu]
    const taken = run.take(now, this.sim.warmupNs)
    if (taken.bursts > 0) this.applyLocal(cpu, taken)
    if (run.contactKind === ALLOC) this.onAlloc(cpu, now)
    else this.onFree(cpu, now)
    // the local bursts' last pcp->lock hold ends before now + localOpNs: it matters only when the contact
    // holds the lock for less (a free of fewer than `unit` pages) or not at all (the buddy fallback under a
    // remote drainer's lock, a free with nothing held)
    const pcp = this.sim.pcp
    if (this.spin && taken.bursts > 0 && pcp.ownerBusyUntil[cpu] < now + this.localOpNs) pcp.ownerHolds(cpu, run.lastBurstAt() + this.localOpNs)
    this.plan(cpu, now)
  }

  /** Draws `cpu`'s bursts from `from` to its next contact, and schedules that. */
  private plan(cpu: number, from: number): void {
    const run = this.runs[cpu]
    run.plan(from, this.held[cpu], this.endNs)
    if (run.contactAt < Infinity) this.contacts.schedule(cpu, run.contactAt)
    else this.contacts.cancel(cpu)
  }

  /**
   * Applies local bursts together — what rmqueuePcplist / freeUnrefPages do for each without a refill, a
   * bulk free or a remote lock, summed: their pages net onto the list, the counters of those after the
   * warm-up left for finish(). The caller sets the last one's pcp->lock hold where it can matter. (A local
   * list free is one batch: its unlock is never between two batches, so no drainer reads it — RemoteDrain.)
   */
  private applyLocal(cpu: number, taken: TakenBursts): void {
    const pcp = this.sim.pcp
    pcp.add(cpu, taken.pages)
    this.held[cpu] -= taken.pages
    this.heldTotal -= taken.pages
    if (this.spin && taken.frees > 0) pcp.listFree.clear(cpu)
    this.localOps[cpu] += taken.counted
  }

  /** The end of the run at `endNs`: the last local bursts, and the summed counters of the local ones. */
  finish(endNs: number): void {
    this.catchUpAll(endNs)
    for (const stats of this.perCpu) {
      const cpu = stats.cpu
      const ops = this.localOps[cpu]
      stats.allocFastPath.record(this.localPageNs, ops * this.unit + this.localPages[cpu])
      stats.zoneLockWait.record(0, this.lockTakesNoWait[cpu])
      if (ops === 0) continue
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
    }
  }

  /**
   * A zone flag changed at `now` (mm/zone.ts): the bound of every CPU's local frees may have moved. A CPU whose
   * bursts drawn as local all stay local under the new flags keeps its plan (LocalRun.staysLocal); any other
   * applies its bursts up to now (they ran under the old flags) and draws its future under the new ones.
   */
  zoneFlagsChanged(now: number): void {
    for (const cpu of this.cpus) {
      if (this.runs[cpu].staysLocal()) continue
      this.catchUp(cpu, now)
      this.plan(cpu, now)
    }
  }

  /** The vmstat worker (6.7+) runs decay_pcp_high() on every housekeeping CPU. */
  onVmstatDecay(now: number): void {
    for (const cpu of this.cpus) {
      this.catchUp(cpu, now)
      this.decayPcpHigh(cpu, now)
      this.plan(cpu, now)
    }
  }

  /** decay_pcp_high() (mm/pcp-scaling.ts): high decays towards high_min, the excess is freed under zone->lock. */
  private decayPcpHigh(cpu: number, now: number): void {
    const sim = this.sim
    const excess = decayPcpHigh(sim, cpu)
    if (excess === 0) return
    // decay_pcp_high() frees under spin_lock(&pcp->lock): after a remote drainer's hold, if one is in progress
    const spin = sim.traits.pcpLock === 'pcp-spinlock'
    const at = spin ? Math.max(now, sim.pcp.lockedUntil[cpu]) : now
    freePcppagesBulk(sim, cpu, excess, sim.costs.tPageLocalNs, at, this.zoneLock)
    const wait = this.zoneLock.waitNs
    const hold = this.zoneLock.holdNs
    // the lock is taken in the warm-up too; only the metric skips it
    if (now >= sim.warmupNs) this.statsOf[cpu].zoneLockWait.record(wait)
    // and holds pcp->lock for the bulk free: a remote drainer arriving meanwhile spins on it
    if (spin) sim.pcp.ownerHolds(cpu, at + wait + hold)
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
    if (op.slowNs > 0) {
      if (op.zoneWaitNs > 0) stats.zoneLockWait.record(op.zoneWaitNs)
      else this.lockTakesNoWait[cpu]++
    }
    // an allocation that found the list and the zone empty got nothing: no per-page cost to record
    if (pages === 0) return
    const perPage = (op.ns - op.slowNs - op.spinNs) / pages
    // a slow operation charges its refill or bulk free, and its spin, to its last page
    const slow = op.slowNs > 0 || op.spinNs > 0
    const fastPages = slow ? pages - 1 : pages
    if (perPage === this.localPageNs) this.localPages[cpu] += fastPages
    else stats.allocFastPath.record(perPage, fastPages)
    if (slow) stats.allocFastPath.record(perPage + op.slowNs + op.spinNs)
  }

}
