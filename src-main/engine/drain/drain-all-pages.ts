// drain_all_pages(zone) — models __drain_all_pages(): pcpu_drain_mutex (a global request that finds it
// held returns at once; a zone request waits for it), the racy cpus_with_pcps selection (every CPU when
// forced by memory offline), then the variant's way of draining the targets.
import type { DrainSourceKind } from '../../../src-shared/profile/schema'
import type { DrainStats } from '../metrics/drain-stats'
import type { RunTimelineRecorder } from '../metrics/run-timeline'
import { INSTANT_DRAIN_DONE, INSTANT_DRAIN_SKIP, SEG_DRAIN_MUTEX_WAIT } from '../metrics/timeline-kind-index'
import type { PerCpuPages } from '../mm/per-cpu-pages'
import type { OwnerActivity } from '../sched/owner-activity'
import { FifoQueue } from '../sim/fifo-queue'
import { DrainRun, type DrainWaiter } from './drain-run'
import type { DrainStrategy } from './drain-strategy'

/** Told when a drain_all_pages() call returned to its caller: an object's method, the same function in every job (EventQueue). */
export interface DrainReturnListener {
  drainAllPagesReturned(kind: DrainSourceKind, requesterCpu: number, now: number): void
}

export class DrainAllPages implements DrainWaiter {
  /** the drain holding pcpu_drain_mutex */
  holder: DrainRun | null = null
  /** zone requests waiting for the mutex, in arrival order */
  private readonly waiters = new FifoQueue<DrainRun>()
  /** complete() is handing the mutex to the waiters: a drain that completes at once inside it returns to that loop */
  private handingOver = false
  private nextId = 1
  /** every run started, for the invariant that each completes, is skipped or stays pending */
  started = 0
  finished = 0

  constructor(
    readonly stats: DrainStats,
    private readonly strategy: DrainStrategy,
    /** the pagesets of every zone whose lists run, as for_each_populated_zone() walks them (ZONE_NORMAL last) */
    private readonly pcps: readonly PerCpuPages[],
    private readonly owners: OwnerActivity,
    private readonly warmupNs: number,
    private readonly timeline: RunTimelineRecorder,
    /** told when drain_all_pages() returned to its caller (cma and offline go on to lru_cache_disable()) */
    private readonly returned: DrainReturnListener
  ) {}

  request(sourceIndex: number, kind: DrainSourceKind, requesterCpu: number, now: number): void {
    const zoneRequest = kind === 'cma' || kind === 'compaction' || kind === 'offline'
    const counted = now >= this.warmupNs
    const run = new DrainRun(this.nextId++, sourceIndex, kind, zoneRequest, kind === 'offline', requesterCpu, now, counted, this)
    this.timeline.drainRequest(requesterCpu, now, run.id, kind)
    if (counted) {
      this.stats.requested++
      this.stats.source(kind).requested++
    }
    if (this.holder !== null) {
      if (!zoneRequest) {
        // mutex_trylock failed and zone == NULL: return without draining anything
        this.timeline.instant(requesterCpu, INSTANT_DRAIN_SKIP, now, run.id)
        if (counted) {
          this.stats.skipped++
          this.stats.source(kind).skipped++
        }
        return
      }
      this.waiters.push(run)
      return
    }
    this.acquire(run, now)
  }

  /** A workqueue work item (drain_local_pages_wq) finished on its CPU: flush_work() for it returns. */
  workItemDone(run: DrainRun, now: number): void {
    this.stats.targetDrained(run, now)
    run.outstanding--
    if (run.outstanding === 0) this.complete(run, now)
  }

  freed(run: DrainRun, cpu: number, pages: number): void {
    this.timeline.drainFreed(cpu, run.id, pages)
  }

  complete(run: DrainRun, now: number): void {
    this.finished++
    this.timeline.instant(run.requesterCpu, INSTANT_DRAIN_DONE, now, run.id)
    if (run.counted) {
      const s = this.stats
      const duration = now - run.requestNs
      s.completed++
      s.pagesFreed += run.pagesFreed
      s.duration.record(duration)
      s.overTime.record(now, duration)
      const src = s.source(run.kind)
      src.completed++
      src.duration.record(duration)
    }
    this.holder = null
    this.returned.drainAllPagesReturned(run.kind, run.requesterCpu, now)
    if (this.handingOver) return
    // mutex_unlock() wakes the next zone drain; one with nothing to drain completes at once, so serve
    // them in a loop, not by recursion: a long queue would overflow the stack
    this.handingOver = true
    while (this.holder === null && this.waiters.length > 0) this.acquire(this.waiters.shift(), now)
    this.handingOver = false
  }

  /** Drains still pending when the run ends: the holder and the zone requests queued behind it. */
  pending(now: number): Array<{ kind: DrainSourceKind; ageNs: number }> {
    const waiting = this.waiters.toArray()
    const runs = this.holder === null ? waiting : [this.holder, ...waiting]
    return runs.filter((r) => r.counted).map((r) => ({ kind: r.kind, ageNs: now - r.requestNs }))
  }

  private acquire(run: DrainRun, now: number): void {
    this.holder = run
    this.started++
    run.startNs = now
    if (run.counted && run.zoneRequest) this.stats.mutexWait.record(now - run.requestNs)
    // the zone request slept in mutex_lock() from its request (nothing is recorded when it did not wait)
    this.timeline.segment(run.requesterCpu, SEG_DRAIN_MUTEX_WAIT, run.requestNs, now, run.id)
    this.owners.catchUpAll(now)
    run.targets = this.cpusWithPcps(run)
    if (run.counted) this.stats.targets.record(run.targets.length)
    if (this.strategy.start(run, now)) this.complete(run, now)
  }

  /**
   * cpus_with_pcps: every CPU whose pcp->count is non-zero (a racy read) in the zone of a zone request
   * (ZONE_NORMAL, the last), in any populated zone for drain_all_pages(NULL), or all CPUs when forced.
   */
  private cpusWithPcps(run: DrainRun): Int32Array {
    const pcps = this.pcps
    const forced = run.forced
    const first = run.firstZone(pcps.length)
    const hasPcps = (cpu: number): boolean => {
      for (let z = first; z < pcps.length; z++) if (pcps[z].count[cpu] > 0) return true
      return false
    }
    const cpus = pcps[0].count.length
    let n = 0
    for (let cpu = 0; cpu < cpus; cpu++) if (forced || hasPcps(cpu)) n++
    const targets = new Int32Array(n)
    n = 0
    for (let cpu = 0; cpu < cpus; cpu++) if (forced || hasPcps(cpu)) targets[n++] = cpu
    return targets
  }
}
