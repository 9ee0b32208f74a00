// An isolated nohz_full CPU: who occupies it — its SCHED_FIFO realtime task, its SCHED_OTHER per-CPU
// kworker (wake and switch, then its queued work items: drain_local_pages_wq with IRQs off, the per-CPU
// flushes' work functions), IPIs — and the timeline of it. Models
// the scheduling rules of model.md §3: __schedule() picks the FIFO task over CFS unless the
// anti-starvation policy (anti-starvation/) says otherwise; IRQs-off sections delay a FIFO wakeup. The
// task's jobs are in rt-task-jobs.ts, the interference accounting in interference-account.ts.
import { PerCpuFlushState } from '../flush/per-cpu-flush-state'
import { ZoneLockHold } from '../mm/zone-lock-hold'
import type { ZoneMm } from '../mm/zone-mm'
import { SRC_IPI, SRC_KWORKER, SRC_THROTTLE } from '../metrics/interference-source'
import type { TaskMetrics } from '../metrics/task-metrics'
import { SEG_BOOST, SEG_IDLE, SEG_IPI, SEG_KWORKER_SWITCH, SEG_REMOTE_DRAIN, SEG_RT, SEG_THROTTLED } from '../metrics/timeline-kind-index'
import { Timer, type TimerExpiry } from '../sim/timer'
import type { RtTaskSpec } from '../workload/rt-task-spec'
import type { AntiStarvation, StarvedCpu } from './anti-starvation/anti-starvation'
import { createAntiStarvation } from './anti-starvation/create-anti-starvation'
import type { CpuModel } from './cpu-model'
import { InterferenceAccount } from './interference-account'
import type { IsolatedCpuContext } from './isolated-cpu-context'
import { RtTaskJobs, type RtCpu } from './rt-task-jobs'
import type { WorkHost, WorkItem } from './work-item'
import { DOUBLE_ZERO } from '../sim/double-zero'

/** What the CPU is executing. */
const IDLE = 0
const RT = 1
const IPI = 2
/** kworker: wake + switch in + dispatch */
const KW_SWITCH_IN = 3
/** kworker: a work item's function (drain_local_pages_wq -> free_pcppages_bulk with IRQs off, a flush's) */
const KW_WORK = 4
/** kworker: switch out */
const KW_SWITCH_OUT = 5

export class IsolatedCpu implements CpuModel, StarvedCpu, RtCpu, WorkHost {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly activityEnded: TimerExpiry<IsolatedCpu> = (iso, now) => iso.onActivityEnd(now)

  readonly isolated = true
  readonly interference: InterferenceAccount
  /** what the task's jobs leave on this CPU for the per-CPU flushes */
  readonly flushState: PerCpuFlushState
  readonly antiStarvation: AntiStarvation
  /** the CPU's realtime task (null: the CPU runs none) */
  private readonly rt: RtTaskJobs | null
  private occupant = IDLE
  private occSince = DOUBLE_ZERO
  private occEndNs = DOUBLE_ZERO
  /** the end of the non-RT activity occupying the CPU */
  private readonly activityEnd: Timer<IsolatedCpu>
  // the kworker: the items queued and not started, in order (kwHead: the next), the one running, and whether it has the CPU
  private kwQueue: WorkItem[] = []
  private kwHead = 0
  private kwCurrent: WorkItem | null = null
  /** PREEMPT_RT: what is left of kwCurrent's function after the realtime task preempted it (0: not preempted) */
  private kwLeftNs = 0
  private kwIn = false
  readonly zoneLock = new ZoneLockHold()

  constructor(readonly index: number, readonly cpu: number, readonly task: RtTaskSpec | null, private readonly sim: IsolatedCpuContext) {
    this.interference = new InterferenceAccount(sim.warmupNs)
    this.activityEnd = new Timer<IsolatedCpu>(sim.queue, IsolatedCpu.activityEnded, this)
    this.antiStarvation = createAntiStarvation(sim.policy, this, sim.queue, cpu)
    this.flushState = new PerCpuFlushState(task, sim.traits.lruBatchFolios)
    this.rt = task === null ? null : new RtTaskJobs(task, index, cpu, this, sim, this.interference, this.flushState)
  }

  get mm(): IsolatedCpuContext {
    return this.sim
  }

  get zones(): readonly ZoneMm[] {
    return this.sim.nodeZones
  }

  get metrics(): TaskMetrics | null {
    return this.rt === null ? null : this.rt.metrics
  }

  /** Pages this CPU's task holds between a job's allocation and its free. */
  get heldPages(): number {
    return this.rt === null ? 0 : this.rt.heldPages
  }

  start(): void {
    const rt = this.rt
    if (rt === null) return
    rt.start()
    if (rt.task.polling) this.enterRt(rt, 0)
  }

  /** Brings a lazy polling task up to `now` (see RtTaskJobs.fastForward). */
  private settle(now: number): void {
    if (this.rt !== null) this.rt.fastForward(now)
  }

  // ---- events ----------------------------------------------------------------------------

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
      if (this.rt !== null) this.rt.cacheEvicted()
    } else if (phase === KW_WORK) {
      const item = this.kwCurrent
      this.kwCurrent = null
      if (item !== null) item.finished(now)
    }
    this.antiStarvation.activityEnded(now, this.hasDrainWork() || this.kwIn, this.hasDrainWork())
    this.decide(now)
  }

  /** queue_work_on(cpu, wq, work): the kworker becomes runnable here, maybe after an IPI. */
  queueWork(item: WorkItem, now: number): void {
    const { ipiOnQueue, llcShared } = this.sim
    this.settle(now)
    this.accountTo(now)
    this.kwQueue.push(item)
    // the CPU's worker is awake (switched in, working, between two items or preempted): insert_work() wakes
    // nobody and sends no IPI; the worker takes the item after those before it
    if (this.kwIn) return
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

  spinMidListFree(from: number, ns: number, now: number): void {
    if (this.rt !== null) this.rt.spinMidListFree(from, ns, now)
  }

  fallbackMidListFree(zoneWaitNs: number, holdNs: number, batchesNs: number, now: number): void {
    if (this.rt !== null) this.rt.fallbackMidListFree(zoneWaitNs + holdNs, batchesNs, now)
  }

  flushStateAt(now: number): PerCpuFlushState {
    this.settle(now)
    return this.flushState
  }

  remoteDrainHolds(now: number, end: number, drain: number): void {
    this.sim.timeline.record(this.index, SEG_REMOTE_DRAIN, now, end, drain)
  }

  /** End of the run: account the open stretch and close the timeline. */
  finish(now: number): void {
    this.settle(now)
    this.accountTo(now)
    this.sim.timeline.record(this.index, this.segmentKind(), this.occSince, now, this.segmentDrain())
  }

  // ---- what the anti-starvation policy and the realtime task see (StarvedCpu, RtCpu) ---------

  get hasTask(): boolean {
    return this.rt !== null
  }

  rtRunning(): boolean {
    return this.occupant === RT
  }

  idle(): boolean {
    return this.occupant === IDLE
  }

  hasDrainWork(): boolean {
    return this.kwCurrent !== null || this.kwHead < this.kwQueue.length
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

  /** Time the RT task wanted the CPU but something else had it, by source (model.md §6). */
  accountTo(now: number): void {
    this.interference.advance(now, this.interferingSource(), this.rt !== null && this.rt.jobPending())
  }

  // ---- scheduling ------------------------------------------------------------------------

  private rtRunnable(): boolean {
    return this.rt !== null && !this.antiStarvation.throttled && this.rt.wantsCpu()
  }

  private rtDemand(): boolean {
    return this.rt !== null && this.rt.wantsCpu()
  }

  /** __schedule(): who gets the CPU now that it is free or the RT task's state changed. */
  private decide(now: number): void {
    if (this.occupant === KW_WORK && this.rtPreemptsWork()) this.preemptWork(now)
    if (this.occupant >= IPI) return
    const rtRun = this.rtRunnable()
    const boosted = this.antiStarvation.boosted
    const queued = this.kwCurrent !== null || this.kwHead < this.kwQueue.length
    if (this.kwIn) {
      if (queued && (!rtRun || boosted)) this.beginKworker(KW_WORK, now)
      else this.beginKworker(KW_SWITCH_OUT, now)
      return
    }
    if (queued && (!rtRun || boosted)) {
      this.beginKworker(KW_SWITCH_IN, now)
      return
    }
    if (this.rt !== null && rtRun) {
      if (this.occupant !== RT) this.enterRt(this.rt, now)
      return
    }
    if (this.occupant === RT) this.leaveRt(now)
  }

  /**
   * PREEMPT_RT: the work function runs under a sleeping lock with IRQs on, so the woken FIFO task preempts the
   * SCHED_OTHER kworker — unless the kworker is boosted, or the task's job needs the lock it holds: the task
   * would block on it at once and lend the kworker its priority until the function returns (rt_mutex PI).
   */
  private rtPreemptsWork(): boolean {
    const item = this.kwCurrent
    if (!this.sim.preemptRt || item === null || this.antiStarvation.boosted || !this.rtRunnable()) return false
    return !this.jobTakes(item.lock)
  }

  private jobTakes(lock: WorkItem['lock']): boolean {
    const task = this.task
    if (task === null) return false
    switch (lock) {
      case 'pcp': return task.allocsPerJob > 0
      case 'lru': return task.lruFoliosPerJob > 0
      case 'memcg': return task.chargesMemcg
      case 'slab': return task.allocatesSlab
      default: return false
    }
  }

  /** The realtime task takes the CPU from the kworker's work function, which resumes with what is left. */
  private preemptWork(now: number): void {
    const ran = now - this.occSince
    this.kwLeftNs = this.occEndNs - now
    this.activityEnd.cancel()
    this.sim.cpuTime.addDrain(ran)
    this.antiStarvation.kworkerRan(ran)
    this.switchTo(IDLE, now)
  }

  private beginKworker(phase: number, now: number): void {
    if (this.occupant === RT) this.leaveRt(now)
    this.antiStarvation.kworkerScheduled()
    const c = this.sim.costs
    const half = Math.round(c.kworkerWakeSwitchNs / 2)
    let duration: number
    if (phase === KW_SWITCH_IN) duration = half
    else if (phase === KW_SWITCH_OUT) duration = Math.round(c.kworkerWakeSwitchNs) - half
    else if (this.kwCurrent !== null) {
      // a preempted work function resumes
      duration = this.kwLeftNs
      this.kwLeftNs = 0
    } else duration = this.startNextItem(now)
    this.beginActivity(phase, now, duration)
  }

  /** process_one_work(): the oldest queued item runs, non-preemptible; returns its duration. */
  private startNextItem(now: number): number {
    const item = this.kwQueue[this.kwHead++]
    if (this.kwHead === this.kwQueue.length) {
      this.kwQueue = []
      this.kwHead = 0
    }
    this.kwCurrent = item
    return item.execute(this, this.cpu, now)
  }

  private beginActivity(kind: number, now: number, duration: number): void {
    this.switchTo(kind, now)
    this.occEndNs = now + duration
    this.activityEnd.schedule(this.occEndNs)
  }

  private enterRt(rt: RtTaskJobs, now: number): void {
    this.switchTo(RT, now)
    rt.running(now)
    this.antiStarvation.rtStarted(now)
  }

  private leaveRt(now: number): void {
    if (this.rt !== null) this.rt.stopped(now)
    this.antiStarvation.rtStopped(now)
    this.switchTo(IDLE, now)
  }

  // ---- accounting and timeline -------------------------------------------------------------

  /** What keeps the RT task that wants the CPU from it now (-1: it has the CPU, or does not want it). */
  private interferingSource(): number {
    if (this.occupant === RT || !this.rtDemand()) return -1
    if (this.antiStarvation.throttled) return SRC_THROTTLE
    if (this.occupant === IPI) return SRC_IPI
    if (this.occupant === KW_WORK) return this.kwCurrent === null ? SRC_KWORKER : this.kwCurrent.source
    if (this.occupant === KW_SWITCH_IN || this.occupant === KW_SWITCH_OUT) return SRC_KWORKER
    return -1
  }

  private switchTo(occupant: number, now: number): void {
    this.sim.timeline.record(this.index, this.segmentKind(), this.occSince, now, this.segmentDrain())
    this.occupant = occupant
    this.occSince = now
  }

  private segmentKind(): number {
    switch (this.occupant) {
      case RT: return SEG_RT
      case IPI: return SEG_IPI
      case KW_WORK: return this.kwCurrent === null ? SEG_KWORKER_SWITCH : this.kwCurrent.segment
      case KW_SWITCH_IN:
      case KW_SWITCH_OUT: return this.antiStarvation.boosted ? SEG_BOOST : SEG_KWORKER_SWITCH
      default: return this.antiStarvation.throttled ? SEG_THROTTLED : SEG_IDLE
    }
  }

  /** The drain_all_pages() call the open segment works for: the IPI and the kworker up to its work item (its switch-out may already see the next call's work). */
  private segmentDrain(): number {
    if (this.kwCurrent !== null && (this.occupant === KW_WORK || this.occupant === IPI || this.occupant === KW_SWITCH_IN)) return this.kwCurrent.id
    if (this.occupant !== IPI && this.occupant !== KW_SWITCH_IN) return 0
    return this.kwHead < this.kwQueue.length ? this.kwQueue[this.kwHead].id : 0
  }
}
