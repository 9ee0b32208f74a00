// The requester side of the 6.0+ remote drain (direct, direct-irqon, direct-chunked) — models __drain_all_pages() calling drain_pages_zone()
// for each target from the requesting CPU: take the target's pcp->lock, free_pcppages_bulk() under
// zone->lock (cold remote cache lines: tPageRemote per page; tPageLocal for the requester's own list), unlock. Targets are drained serially.
// `chunkPages` bounds one lock hold (6.10+: batch << CONFIG_PCP_BATCH_SCALE_MAX); count is re-read
// under the lock for every chunk (66eca1021a42). drain_all_pages(NULL) drains each target's lists in every
// populated zone in turn (drain_pages(): ZONE_DMA32 when its lists run, then ZONE_NORMAL), each under that
// zone's pcp->lock and zone->lock; a zone request (cma, compaction, offline) drains ZONE_NORMAL's.
import { freeOnePage } from '../mm/buddy-fallback'
import { drainPagesZone } from '../mm/drain-pages-zone'
import type { PageAllocator } from '../mm/page-allocator'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import type { DrainStats } from '../metrics/drain-stats'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import type { CpuModel } from '../sched/cpu-model'
import type { HousekeepingTick } from '../sched/housekeeping-tick'
import type { OwnerActivity } from '../sched/owner-activity'
import type { SimContext } from '../sim/sim-context'
import type { VariantTraits } from '../../../src-shared/kernel/variant-traits'
import type { DrainRun } from './drain-run'
import type { DrainStrategy } from './drain-strategy'
import type { ZoneMm } from '../mm/zone-mm'
import type { EventHandler } from '../sim/event-queue'

/** What the requester touches: the targets' pcplists and locks, the zone, and the CPUs it drains. */
export interface RemoteDrainContext {
  readonly sim: SimContext & PageAllocator
  /** every zone whose pcplists run, as for_each_populated_zone() walks them (ZONE_NORMAL last) */
  readonly zones: readonly ZoneMm[]
  readonly cpuTime: KernelCpuTime
  readonly stats: DrainStats
  readonly tick: HousekeepingTick
  /** every CPU of the machine, by cpu number */
  readonly cpus: readonly CpuModel[]
  /** the owners' lazily advanced list activity: brought up to date before a target is read */
  readonly owners: OwnerActivity
}

/** The 6.0+ variants differ only in how pcp->lock is taken (traits.pcpLockIrqsave, traits.listFree) and in `chunkPages`. */
export class RemoteDrain implements DrainStrategy {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly step: EventHandler<RemoteDrain> = (drain, now, id) => drain.onStep(id, now)

  /** free_unref_page_list spins on pcp->lock (6.0–6.1) instead of trylock + fallback */
  private readonly listFreeSpins: boolean
  /** pcp->lock is taken with spin_lock_irqsave (6.0–6.1): the requester spins on it with IRQs off */
  private readonly pcpLockIrqsave: boolean
  /** event kind of a step of the drain in flight: its spin on pcp->lock, or its lock hold, ended (arg: run id) */
  private readonly stepKind: number
  /** the run draining its targets (it holds pcpu_drain_mutex) */
  private inFlight: DrainRun | null = null
  private readonly zoneLock = new ZoneLockHold()

  constructor(private readonly ctx: RemoteDrainContext, traits: VariantTraits, private readonly chunkPages: number) {
    this.listFreeSpins = traits.listFree === 'spin'
    this.pcpLockIrqsave = traits.pcpLockIrqsave
    this.stepKind = ctx.sim.queue.register(RemoteDrain.step, this)
  }

  start(run: DrainRun, now: number): boolean {
    run.next = 0
    run.zone = run.firstZone(this.ctx.zones.length)
    this.inFlight = run
    const drained = this.advance(run, now)
    if (drained) this.inFlight = null
    return drained
  }

  /** The step event of run `id` at `now`: the previous lock hold (or spin) ended. */
  onStep(id: number, now: number): void {
    const run = this.inFlight
    if (run === null || run.id !== id) return
    if (run.zoneFinished) {
      this.zoneDrained(run, now)
      run.zoneFinished = false
    }
    if (!this.advance(run, now)) return
    this.inFlight = null
    run.waiter.complete(run, now)
  }

  /** The target's lists in the run's current zone are done: on to its next zone, or to the next target. */
  private zoneDrained(run: DrainRun, now: number): void {
    if (++run.zone < this.ctx.zones.length) return
    run.zone = run.firstZone(this.ctx.zones.length)
    this.ctx.stats.targetDrained(run, now)
    run.next++
  }

  /** Drains targets from run.next on until a lock hold or spin needs time; true when every target is done. */
  private advance(run: DrainRun, now: number): boolean {
    const zones = this.ctx.zones
    while (run.next < run.targets.length) {
      const cpu = run.targets[run.next]
      this.ctx.owners.catchUp(cpu, now)
      const mm = zones[run.zone]
      const pcp = mm.pcp
      const count = pcp.count[cpu]
      if (count === 0) {
        // the racy cpus_with_pcps read saw pages that are gone, or this zone's lists are empty: nothing to free
        this.endSpin(run, now)
        this.zoneDrained(run, now)
        continue
      }
      // spin_lock(&pcp->lock): the owner's own alloc/free critical section ends first, or the batch of
      // its free_unref_page_list in flight. The later batches' pages are not on the kernel's list yet;
      // the model added them when the list free began, so `later` keeps them out of the drain
      const busy = pcp.ownerBusyUntil[cpu]
      const unlock = busy > now ? pcp.listFree.unlockBetweenAfter(cpu, now) : -1
      const later = unlock >= 0 ? pcp.listFree.pagesAfter(cpu, unlock) : 0
      const start = unlock >= 0 ? pcp.listFree.at(cpu, unlock) : busy > now ? busy : now
      if (start > now) {
        // the spin is an event: zone->lock and pcp->lock are taken when it ends, in time order with
        // every other CPU's requests (zone.ts reserves in arrival order)
        if (run.spinFrom < 0) run.spinFrom = now
        mm.queue.push(start, this.stepKind, run.id)
        return false
      }
      if (count <= later) {
        // only the later batches' pages, which are not on the list yet: drain_pages_zone() frees nothing
        if (!this.listFreeSpins) {
          this.listFreeFallback(mm, cpu, later, now)
          this.ctx.owners.listsChanged(cpu, now)
        }
        this.endSpin(run, now)
        this.zoneDrained(run, now)
        continue
      }
      const spinFrom = run.spinFrom < 0 ? now : run.spinFrom
      run.spinFrom = -Infinity
      // the requester's own list is local (warm cache lines); every other list is remote
      const tPage = cpu === run.requesterCpu ? mm.costs.tPageLocalNs : mm.costs.tPageRemoteNs
      const pages = drainPagesZone(mm, cpu, Math.min(this.chunkPages, count - later), tPage, now, this.zoneLock, later)
      run.pagesFreed += pages
      run.waiter.freed(run, cpu, pages)
      const end = now + this.zoneLock.waitNs + this.zoneLock.holdNs
      pcp.lockedUntil[cpu] = end
      if (unlock >= 0 && this.listFreeSpins) this.delayListFree(mm, cpu, unlock, now, end - now)
      else if (unlock >= 0) this.listFreeFallback(mm, cpu, later, now)
      this.ctx.owners.listsChanged(cpu, now)
      // drain_pages_zone() frees what the list held under the lock; in 6.0–6.1 the later batches' pages stay
      run.zoneFinished = pcp.count[cpu] <= (this.listFreeSpins ? later : 0)
      // the requester spins on pcp->lock, then on zone->lock, then frees: all of it is drain work
      this.ctx.cpuTime.addDrain(end - spinFrom)
      this.ctx.cpus[cpu].remoteDrainHolds(now, end, run.id)
      // the requester's IRQs are off from spin_lock_irqsave(&pcp->lock) (6.0–6.1), or from zone->lock
      // irqsave inside the hold (6.2+), to the unlock: a tick that fell in it runs after, before the next target
      const irqsOff = this.pcpLockIrqsave ? spinFrom : now
      mm.queue.push(end + this.ctx.tick.deferred(irqsOff, end), this.stepKind, run.id)
      return false
    }
    return true
  }

  /**
   * 6.2+: the drainer took pcp->lock at an unlock of the owner's list free, so the owner's next
   * pcp_spin_trylock fails: free_unref_page_list() frees that page with free_one_page() and retries
   * the lock only on a zone change — a list free of the model holds one zone's pages, so the rest goes to the buddy allocator,
   * behind the drainer's zone->lock hold.
   */
  private listFreeFallback(mm: ZoneMm, cpu: number, later: number, now: number): void {
    const pcp = mm.pcp
    const order0 = pcp.order0(cpu)
    const pages = later < order0 ? later : order0
    pcp.take(cpu, pages)
    freeOnePage(mm, pages, pages, now, this.zoneLock)
    // the remaining batches, which the owner no longer runs under pcp->lock
    const batchesNs = pcp.ownerBusyUntil[cpu] - now
    pcp.ownerBusyUntil[cpu] = now
    pcp.listFree.clear(cpu)
    this.ctx.cpus[cpu].fallbackMidListFree(this.zoneLock.waitNs, this.zoneLock.holdNs, batchesNs, now)
  }

  /** The target's list emptied while the requester spun on its pcp->lock: the spin was drain work. */
  private endSpin(run: DrainRun, now: number): void {
    if (run.spinFrom < 0) return
    this.ctx.cpuTime.addDrain(now - run.spinFrom)
    run.spinFrom = -Infinity
  }

  /**
   * The drainer took pcp->lock between two batches of the owner's list free: the owner spins on it
   * for the hold before its next batch, and so does everything after. (Bulk frees of the later
   * batches keep the zone->lock slots they reserved when the list free was computed.)
   */
  private delayListFree(mm: ZoneMm, cpu: number, unlock: number, now: number, ns: number): void {
    const pcp = mm.pcp
    pcp.listFree.delayAfter(cpu, unlock, ns)
    pcp.ownerBusyUntil[cpu] += ns
    this.ctx.cpus[cpu].spinMidListFree(now, ns, now)
  }
}
