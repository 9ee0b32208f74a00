// An isolated nohz_full CPU: its SCHED_FIFO realtime task, its SCHED_OTHER per-CPU kworker and IPIs —
// models the scheduling rules of model.md §3 (__schedule() picking the FIFO task over CFS unless the
// anti-starvation policy says otherwise, IRQs-off sections delaying a FIFO wakeup). The policies
// (sched_rt_runtime throttling, the deferred fair server, stalld) are in anti-starvation/.
import type { Profile } from '../../../src-shared/profile/schema'
import type { RtTaskSpec } from '../workload/rt-task-spec'
import { ReleaseQueue } from '../workload/release-queue'
import type { DrainRun } from '../drain/drain-run'
import { drainPagesZone } from '../mm/drain-pages-zone'
import { freeUnrefPages } from '../mm/free-unref-page'
import { OwnerOpResult } from '../mm/owner-op-result'
import type { PageAllocator } from '../mm/page-allocator'
import { rmqueuePcplist } from '../mm/rmqueue-pcplist'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import { SRC_CACHE_REFILL, SRC_DRAIN_IRQOFF, SRC_FALLBACK, SRC_IPI, SRC_KWORKER, SRC_LOCK_SPIN, SRC_THROTTLE } from '../metrics/interference-source'
import { TaskMetrics } from '../metrics/task-metrics'
import { SEG_BOOST, SEG_FALLBACK, SEG_IDLE, SEG_IPI, SEG_KWORKER_DRAIN, SEG_KWORKER_SWITCH, SEG_LOCK_SPIN, SEG_REMOTE_DRAIN, SEG_RT, SEG_THROTTLED, type TimelineRecorder } from '../metrics/timeline-recorder'
import type { WorstSampleTracker } from '../metrics/worst-sample'
import type { SimContext } from '../sim/sim-context'
import { Timer } from '../sim/timer'
import type { AntiStarvation, StarvedCpu } from './anti-starvation/anti-starvation'
import { createAntiStarvation } from './anti-starvation/create-anti-starvation'
import type { AntiStarvationPolicy } from './anti-starvation/policy-params'
import type { CpuModel } from './cpu-model'
import { InterferenceAccount } from './interference-account'

/** What an isolated CPU sees of the run: the core, its pcplists, the counters and recorders it feeds. */
export interface IsolatedCpuContext extends SimContext, PageAllocator {
  readonly cpuTime: KernelCpuTime
  readonly policy: AntiStarvationPolicy
  readonly timeline: TimelineRecorder
  readonly worst: WorstSampleTracker
  readonly durationNs: number
  readonly seriesWindowNs: number
  readonly timelineWindowNs: number
  readonly ipiOnQueue: Profile['kernel']['ipiOnQueue']
  readonly llcShared: boolean
}

/** What the CPU is executing. */
const IDLE = 0
const RT = 1
const IPI = 2
/** kworker: wake + switch in + dispatch */
const KW_SWITCH_IN = 3
/** kworker: drain_local_pages_wq -> free_pcppages_bulk with IRQs off */
const KW_DRAIN = 4
/** kworker: switch out */
const KW_SWITCH_OUT = 5

export class IsolatedCpu implements CpuModel, StarvedCpu {
  readonly interference: InterferenceAccount
  readonly metrics: TaskMetrics | null
  private occupant = IDLE
  private occSince = 0
  private occEndNs = 0
  /** the end of the non-RT activity occupying the CPU */
  private readonly activityEnd: Timer
  /** the event kind of the task's releases (not for a lazy polling task) */
  private readonly releaseKind: number
  // the realtime task's released jobs not yet started
  private readonly released = new ReleaseQueue()
  private nextReleaseNs = 0
  private skipNext = false
  private jobActive = false
  private jobRelease = 0
  private jobWorkLeft = 0
  /** pages the current job allocated and has not freed yet */
  private jobPages = 0
  /** the current job's remaining work is its free_unref_page_list (not an aborted job's, which took no time) */
  private jobInListFree = false
  /** the running job's end, or its abort-job deadline */
  private readonly jobEnd: Timer
  private runSince = 0
  // the kworker and its drain work item
  private kwRun: DrainRun | null = null
  private kwIn = false
  readonly antiStarvation: AntiStarvation
  private cacheCold = false
  private readonly op = new OwnerOpResult()
  private readonly zoneLock = new ZoneLockHold()
  /**
   * A polling task that does not allocate is advanced in closed form: its work items and their
   * completions are computed when something touches this CPU (settle), not simulated as events.
   */
  private readonly lazy: boolean

  constructor(readonly index: number, readonly cpu: number, readonly task: RtTaskSpec | null, private readonly sim: IsolatedCpuContext) {
    this.metrics = task === null ? null : new TaskMetrics(sim.seriesWindowNs, sim.durationNs)
    this.interference = new InterferenceAccount(sim.warmupNs)
    this.lazy = task !== null && task.polling && task.allocsPerJob === 0
    this.activityEnd = new Timer(sim.queue, (now) => this.onActivityEnd(now))
    this.jobEnd = new Timer(sim.queue, (now) => this.onJobEnd(now))
    // periodic: the hrtimer fires for a release; polling: a work item arrives
    this.releaseKind = sim.queue.register((now) => this.onRelease(now))
    this.antiStarvation = createAntiStarvation(sim.policy, this, sim.queue)
  }

  start(): void {
    const task = this.task
    if (task === null) return
    this.nextReleaseNs = task.firstReleaseNs
    if (!this.lazy) this.sim.queue.push(this.nextReleaseNs + this.timerLatency(), this.releaseKind)
    if (task.polling) this.enterRt(0)
  }

  /**
   * Fast-forwards a lazy polling task to `now`: the Lindley recursion of its work items (start =
   * max(arrival, previous finish)) over a stretch in which nothing else happened on this CPU, since
   * every event that touches the CPU settles it first.
   */
  private settle(now: number): void {
    if (!this.lazy) return
    const task = this.task as RtTaskSpec
    for (;;) {
      const nextRelease = this.nextReleaseNs
      if (this.occupant === RT && this.jobActive) {
        let end = this.runSince + (this.jobWorkLeft > 0 ? this.jobWorkLeft : 0)
        if (task.missPolicy === 'abort-job') end = Math.min(end, Math.max(this.runSince, this.jobRelease + task.deadlineNs))
        if (end <= now && end <= nextRelease) {
          this.chargeRt(end)
          this.finishJob(end)
          this.startJob(end)
          continue
        }
      }
      if (nextRelease > now) return
      this.accountTo(nextRelease)
      this.nextReleaseNs += task.periodNs
      if (this.skipNext) {
        this.skipNext = false
        continue
      }
      this.released.push(nextRelease, 0)
      if (this.occupant === RT && !this.jobActive) {
        this.chargeRt(nextRelease)
        this.startJob(nextRelease)
      }
    }
  }

  /** Pages this CPU's task holds between a job's allocation and its free. */
  get heldPages(): number {
    return this.jobPages
  }

  // ---- events ----------------------------------------------------------------------------

  private onRelease(now: number): void {
    const task = this.task as RtTaskSpec
    this.accountTo(now)
    const release = this.nextReleaseNs
    this.nextReleaseNs += task.periodNs
    this.sim.queue.push(this.nextReleaseNs + this.timerLatency(), this.releaseKind)
    if (this.skipNext) {
      this.skipNext = false
      return
    }
    this.released.push(release, now - release)
    if (this.occupant === RT) {
      if (!this.jobActive && this.startJob(now)) this.scheduleJobEnd(now)
    } else if (this.occupant === IDLE) {
      this.decide(now)
    }
  }

  private onJobEnd(now: number): void {
    if (this.occupant !== RT) return
    const task = this.task as RtTaskSpec
    this.chargeRt(now)
    // work left at this event means the abort-job deadline cut the job short
    const aborted = this.jobWorkLeft > 0
    if (this.jobPages > 0) {
      // the job hands its pages back: free_unref_page_list (several) or free_unref_page (one)
      const pages = this.jobPages
      this.jobPages = 0
      freeUnrefPages(this.sim, this.cpu, pages, pages > 1, now, this.op)
      this.noteOwnerOp(now)
      if (!aborted && this.op.ns > 0) {
        this.jobInListFree = pages > 1
        this.jobWorkLeft = this.op.ns
        this.scheduleJobEnd(now)
        return
      }
    }
    // done, or aborted at its deadline (abort-job) with work left
    this.finishJob(now)
    if (this.startJob(now)) {
      this.scheduleJobEnd(now)
      return
    }
    if (task.polling) return
    this.leaveRt(now)
    this.decide(now)
  }

  private onActivityEnd(now: number): void {
    this.settle(now)
    this.accountTo(now)
    const phase = this.occupant
    const duration = now - this.occSince
    if (phase >= KW_SWITCH_IN) {
      this.sim.cpuTime.addDrain(duration)
      this.antiStarvation.kworkerRan(duration)
    }
    this.switchTo(IDLE, now)
    if (phase === KW_SWITCH_IN) this.kwIn = true
    else if (phase === KW_SWITCH_OUT) {
      this.kwIn = false
      if (this.task !== null) this.cacheCold = true
    } else if (phase === KW_DRAIN) {
      const run = this.kwRun
      this.kwRun = null
      if (run !== null) run.waiter.workItemDone(run, now)
    }
    this.antiStarvation.activityEnded(now, this.kwRun !== null || this.kwIn, this.kwRun !== null)
    this.decide(now)
  }

  /** queue_work_on(cpu, mm_percpu_wq, drain work): the kworker becomes runnable here, maybe after an IPI. */
  queueWork(run: DrainRun, now: number): void {
    const { ipiOnQueue, llcShared } = this.sim
    this.settle(now)
    this.accountTo(now)
    this.kwRun = run
    // ttwu_queue_cond(): the wakelist IPI is sent across LLCs or to an idle CPU
    const idle = this.occupant === IDLE
    const ipi = ipiOnQueue === 'always' || (ipiOnQueue === 'cross-llc' && (!llcShared || idle))
    if (this.rtRunnable()) this.antiStarvation.kworkerStarved(now)
    if (ipi) {
      const ipiNs = Math.round(this.sim.costs.ipiNs)
      if (this.occupant === RT || this.occupant === IDLE) {
        if (this.occupant === RT) this.leaveRt(now)
        this.sim.cpuTime.addDrain(ipiNs)
        this.beginActivity(IPI, now, ipiNs)
      } else {
        // already in an interrupt or the kworker: the handler runs inside (and is counted with) that activity
        if (this.occupant === IPI) this.sim.cpuTime.addDrain(ipiNs)
        this.occEndNs += ipiNs
        this.activityEnd.schedule(this.occEndNs)
      }
      return
    }
    if (this.occupant === IDLE) this.decide(now)
  }

  /**
   * At `now` a remote drainer (6.0–6.1) took pcp->lock at `from`, between two batches of the job's
   * free_unref_page_list: the task spins `ns` on it before its next batch, so the job ends later.
   */
  spinMidListFree(from: number, ns: number, now: number): void {
    if (!this.jobInListFree) return
    this.chargeLockSpin(ns, from)
    if (this.occupant !== RT) {
      this.jobWorkLeft += ns
      return
    }
    this.chargeRt(now)
    this.jobWorkLeft += ns
    this.scheduleJobEnd(now)
  }

  /**
   * At `now` a remote drainer (6.2+) took pcp->lock at an unlock of the job's free_unref_page_list:
   * its trylock fails and the rest of the list goes to the buddy allocator, `ns` instead of the
   * `batchesNs` its remaining batches would have taken.
   */
  fallbackMidListFree(zoneWaitNs: number, holdNs: number, batchesNs: number, now: number): void {
    const ns = zoneWaitNs + holdNs
    if (!this.jobInListFree) return
    this.chargeFallback(ns, now)
    if (this.occupant === RT) this.chargeRt(now)
    this.jobWorkLeft += ns - batchesNs
    if (this.occupant === RT) this.scheduleJobEnd(now)
  }

  remoteDrainHolds(now: number, end: number): void {
    this.sim.timeline.record(this.index, SEG_REMOTE_DRAIN, now, end)
  }

  /** End of the run: account the open stretch and close the timeline. */
  finish(now: number): void {
    this.settle(now)
    this.accountTo(now)
    this.sim.timeline.record(this.index, this.segmentKind(), this.occSince, now)
  }

  // ---- what the anti-starvation policy sees (StarvedCpu) -------------------------------------

  get hasTask(): boolean {
    return this.task !== null
  }

  rtRunning(): boolean {
    return this.occupant === RT
  }

  idle(): boolean {
    return this.occupant === IDLE
  }

  hasDrainWork(): boolean {
    return this.kwRun !== null
  }

  catchUp(now: number): void {
    this.settle(now)
    this.accountTo(now)
  }

  preemptRt(now: number): void {
    this.leaveRt(now)
  }

  closeIdleSegment(now: number): void {
    this.switchTo(IDLE, now)
  }

  reschedule(now: number): void {
    this.decide(now)
  }

  // ---- scheduling ------------------------------------------------------------------------

  private rtRunnable(): boolean {
    const task = this.task
    return task !== null && !this.antiStarvation.throttled && (task.polling || this.jobActive || this.released.length > 0)
  }

  private rtDemand(): boolean {
    const task = this.task
    return task !== null && (task.polling || this.jobActive || this.released.length > 0)
  }

  /** __schedule(): who gets the CPU now that it is free or the RT task's state changed. */
  private decide(now: number): void {
    if (this.occupant >= IPI) return
    const rtRun = this.rtRunnable()
    const boosted = this.antiStarvation.boosted
    if (this.kwIn) {
      if (this.kwRun !== null && (!rtRun || boosted)) this.beginKworker(KW_DRAIN, now)
      else this.beginKworker(KW_SWITCH_OUT, now)
      return
    }
    if (this.kwRun !== null && (!rtRun || boosted)) {
      this.beginKworker(KW_SWITCH_IN, now)
      return
    }
    if (rtRun) {
      if (this.occupant !== RT) this.enterRt(now)
      return
    }
    if (this.occupant === RT) this.leaveRt(now)
  }

  private beginKworker(phase: number, now: number): void {
    if (this.occupant === RT) this.leaveRt(now)
    this.antiStarvation.kworkerScheduled()
    const c = this.sim.costs
    const half = Math.round(c.kworkerWakeSwitchNs / 2)
    let duration: number
    if (phase === KW_SWITCH_IN) duration = half
    else if (phase === KW_SWITCH_OUT) duration = Math.round(c.kworkerWakeSwitchNs) - half
    else duration = this.kwRun === null ? 0 : this.drainLocalPages(this.kwRun, now)
    this.beginActivity(phase, now, duration)
  }

  /** drain_local_pages_wq() -> drain_pages_zone() of the whole list, IRQs off: returns its duration. */
  private drainLocalPages(run: DrainRun, now: number): number {
    run.pagesFreed += drainPagesZone(this.sim, this.cpu, Infinity, this.sim.costs.tPageLocalNs, now, this.zoneLock)
    return this.zoneLock.waitNs + this.zoneLock.holdNs
  }

  private beginActivity(kind: number, now: number, duration: number): void {
    this.switchTo(kind, now)
    this.occEndNs = now + duration
    this.activityEnd.schedule(this.occEndNs)
  }

  private enterRt(now: number): void {
    this.switchTo(RT, now)
    this.runSince = now
    if (!this.jobActive) this.startJob(now)
    if (this.jobActive && !this.lazy) this.scheduleJobEnd(now)
    this.antiStarvation.rtStarted(now)
  }

  private leaveRt(now: number): void {
    this.chargeRt(now)
    this.jobEnd.cancel()
    this.antiStarvation.rtStopped()
    this.switchTo(IDLE, now)
  }

  chargeRt(now: number): void {
    const elapsed = now - this.runSince
    this.runSince = now
    this.antiStarvation.rtRan(elapsed)
    if (this.jobActive) this.jobWorkLeft -= elapsed
  }

  // ---- the realtime task's jobs -------------------------------------------------------------

  private timerLatency(): number {
    const task = this.task as RtTaskSpec
    if (task.polling) return 0
    const c = this.sim.costs
    return Math.round(task.timer.uniform(c.timerLatencyMinNs, c.timerLatencyMaxNs))
  }

  /** Starts the oldest released job, if any; the CPU is running the RT task. */
  private startJob(now: number): boolean {
    const task = this.task as RtTaskSpec
    const sim = this.sim
    while (this.released.shift()) {
      const release = this.released.releaseNs
      const timerNs = this.released.timerNs
      this.jobRelease = release
      if (task.missPolicy === 'abort-job' && now >= release + task.deadlineNs) {
        // past its deadline before it could start: dropped
        this.recordFinish(now)
        continue
      }
      this.jobActive = true
      if (release >= sim.warmupNs) {
        const latency = now - release
        const m = this.metrics as TaskMetrics
        m.recordStart(release, latency)
        if (sim.worst.offer(task.name, this.cpu, release, latency, timerNs, this.interference.jobBySource)) {
          const half = sim.timelineWindowNs / 2
          sim.timeline.captureAround(this.index, release - half, release + half)
        }
      }
      let work = task.runtime.sampleNs()
      if (this.cacheCold) {
        // the kworker evicted the task's cache lines
        this.cacheCold = false
        const refill = Math.round(sim.costs.cacheRefillNs)
        work += refill
        this.interference.charge(SRC_CACHE_REFILL, refill, now)
      }
      if (task.allocsPerJob > 0) {
        this.jobPages = rmqueuePcplist(sim, this.cpu, task.allocsPerJob, now, this.op)
        this.noteOwnerOp(now)
        work += this.op.ns
      }
      this.jobWorkLeft = work
      return true
    }
    return false
  }

  /** Attributes the slow parts of an owner pcplist operation of the RT task (counters skip the warm-up, as the housekeeping load's do). */
  private noteOwnerOp(now: number): void {
    const op = this.op
    if (now >= this.sim.warmupNs) this.sim.cpuTime.addFastPathOverhead(op.overheadNs)
    if (op.fallback) this.chargeFallback(op.fallbackNs, now)
    if (op.spinNs > 0) this.chargeLockSpin(op.spinNs, now)
  }

  /** The task took the buddy path after a failed pcp->lock trylock: `ns` from `now`, one fallback counted. */
  private chargeFallback(ns: number, now: number): void {
    this.interference.charge(SRC_FALLBACK, ns, now)
    this.sim.timeline.record(this.index, SEG_FALLBACK, now, now + ns)
    if (this.metrics !== null && now >= this.sim.warmupNs) this.metrics.fallbacks++
  }

  /** The task spun `ns` from `from` on a pcp->lock a remote drainer held. */
  private chargeLockSpin(ns: number, from: number): void {
    this.interference.charge(SRC_LOCK_SPIN, ns, from)
    this.sim.timeline.record(this.index, SEG_LOCK_SPIN, from, from + ns)
  }

  private scheduleJobEnd(now: number): void {
    const task = this.task as RtTaskSpec
    let end = now + (this.jobWorkLeft > 0 ? this.jobWorkLeft : 0)
    if (task.missPolicy === 'abort-job') end = Math.min(end, Math.max(now, this.jobRelease + task.deadlineNs))
    this.jobEnd.schedule(end)
  }

  private finishJob(now: number): void {
    this.recordFinish(now)
    this.jobActive = false
    this.jobInListFree = false
    this.interference.jobDone()
  }

  /** The job finished (or was dropped): the miss policy always acts; only the metrics skip the warm-up. */
  private recordFinish(now: number): void {
    const task = this.task as RtTaskSpec
    const response = now - this.jobRelease
    if (response > task.deadlineNs && task.missPolicy === 'skip-next') this.skipNext = true
    if (this.jobRelease >= this.sim.warmupNs) (this.metrics as TaskMetrics).recordFinish(this.jobRelease, response, task.deadlineNs)
  }

  // ---- accounting ----------------------------------------------------------------------------

  /** Time the RT task wanted the CPU but something else had it, by source (model.md §6). */
  private accountTo(now: number): void {
    this.interference.advance(now, this.interferingSource(), this.jobActive || this.released.length > 0)
  }

  /** What keeps the RT task that wants the CPU from it now (-1: it has the CPU, or does not want it). */
  private interferingSource(): number {
    if (this.occupant === RT || !this.rtDemand()) return -1
    if (this.antiStarvation.throttled) return SRC_THROTTLE
    if (this.occupant === IPI) return SRC_IPI
    if (this.occupant === KW_DRAIN) return SRC_DRAIN_IRQOFF
    if (this.occupant === KW_SWITCH_IN || this.occupant === KW_SWITCH_OUT) return SRC_KWORKER
    return -1
  }

  private switchTo(occupant: number, now: number): void {
    this.sim.timeline.record(this.index, this.segmentKind(), this.occSince, now)
    this.occupant = occupant
    this.occSince = now
  }

  private segmentKind(): number {
    switch (this.occupant) {
      case RT: return SEG_RT
      case IPI: return SEG_IPI
      case KW_DRAIN: return SEG_KWORKER_DRAIN
      case KW_SWITCH_IN:
      case KW_SWITCH_OUT: return this.antiStarvation.boosted ? SEG_BOOST : SEG_KWORKER_SWITCH
      default: return this.antiStarvation.throttled ? SEG_THROTTLED : SEG_IDLE
    }
  }
}
