// The realtime task of an isolated CPU as a stream of jobs: its releases (hrtimer expiries, or work
// items arriving for a polling task), the jobs released and not yet started, each job's run with its
// pcplist allocations and frees (rmqueue_pcplist / free_unref_page(_list)), the deadline-miss policy,
// and the closed-form fast-forward of a polling task that does not allocate.
import { freeUnrefPages } from '../mm/free-unref-page'
import { OwnerOpResult } from '../mm/owner-op-result'
import { rmqueuePcplist } from '../mm/rmqueue-pcplist'
import { SRC_CACHE_REFILL, SRC_FALLBACK, SRC_LOCK_SPIN } from '../metrics/interference-source'
import { TaskMetrics } from '../metrics/task-metrics'
import { SEG_FALLBACK, SEG_LOCK_SPIN } from '../metrics/timeline-kind-index'
import type { EventHandler } from '../sim/event-queue'
import { Timer, type TimerExpiry } from '../sim/timer'
import { ReleaseQueue } from '../workload/release-queue'
import type { RtTaskSpec } from '../workload/rt-task-spec'
import type { PerCpuFlushState } from '../flush/per-cpu-flush-state'
import type { InterferenceAccount } from './interference-account'
import type { IsolatedCpuContext } from './isolated-cpu-context'
import { DOUBLE_ZERO } from '../sim/double-zero'

/** The CPU as its realtime task sees it. */
export interface RtCpu {
  /** whether the task is on the CPU */
  rtRunning(): boolean
  /** Accounts the interference up to `now`: what the task waits for is about to change. */
  accountTo(now: number): void
  /** Takes the CPU from the task at `now` (it has nothing left to run). */
  preemptRt(now: number): void
  /** __schedule(): who gets the CPU now. */
  reschedule(now: number): void
}

export class RtTaskJobs {
  /** the queue's handlers: made once for the class (EventQueue) */
  private static readonly jobEnded: TimerExpiry<RtTaskJobs> = (jobs, now) => jobs.onJobEnd(now)
  private static readonly releaseFired: EventHandler<RtTaskJobs> = (jobs, now) => jobs.onRelease(now)

  readonly metrics: TaskMetrics
  /** jobs released and not yet started */
  private readonly released = new ReleaseQueue()
  private nextReleaseNs = DOUBLE_ZERO
  private skipNext = false
  private jobActive = false
  private jobRelease = DOUBLE_ZERO
  /** the hrtimer's expiry latency of the current job's release, and the time it has run: for a miss's breakdown */
  private jobTimerNs = DOUBLE_ZERO
  private jobRanNs = DOUBLE_ZERO
  private jobWorkLeft = DOUBLE_ZERO
  /** pages the current job allocated and has not freed yet */
  private jobPages = 0
  /** the current job's remaining work is its free_unref_page_list (not an aborted job's, which took no time) */
  private jobInListFree = false
  /** the running job's end, or its abort-job deadline */
  private readonly jobEnd: Timer<RtTaskJobs>
  /** the event kind of the task's releases (not for a lazy polling task) */
  private readonly releaseKind: number
  /** the task has run since this time (charged up to it) */
  private runSince = DOUBLE_ZERO
  /** the kworker evicted the task's cache lines: the next job refills them */
  private cacheCold = false
  private readonly op = new OwnerOpResult()
  /**
   * A polling task that does not allocate is advanced in closed form: its work items and their
   * completions are computed when something touches this CPU (fastForward), not simulated as events.
   */
  private readonly lazy: boolean
  /** every job's work when it is fixed and fits in the period and the deadline (jobs that cannot queue up), else -1 */
  private readonly onTimeWorkNs: number

  constructor(
    readonly task: RtTaskSpec,
    private readonly index: number,
    private readonly cpu: number,
    private readonly host: RtCpu,
    private readonly sim: IsolatedCpuContext,
    private readonly interference: InterferenceAccount,
    /** the per-CPU state its jobs leave (LRU folios, vmstat differentials, memcg stock, CPU slab) */
    private readonly flushState: PerCpuFlushState
  ) {
    this.metrics = new TaskMetrics(sim.seriesWindowNs, sim.durationNs)
    this.lazy = task.polling && task.allocsPerJob === 0
    const work = task.runtime.fixedNs()
    this.onTimeWorkNs = work !== null && work <= task.periodNs && work <= task.deadlineNs ? work : -1
    this.jobEnd = new Timer<RtTaskJobs>(sim.queue, RtTaskJobs.jobEnded, this)
    // periodic: the hrtimer fires for a release; polling: a work item arrives
    this.releaseKind = sim.queue.register(RtTaskJobs.releaseFired, this)
  }

  start(): void {
    this.nextReleaseNs = this.task.firstReleaseNs
    if (!this.lazy) this.sim.queue.push(this.nextReleaseNs + this.timerLatency(), this.releaseKind)
  }

  /** Pages the task holds between a job's allocation and its free. */
  get heldPages(): number {
    return this.jobPages
  }

  /** The task wants the CPU: it polls, or a job runs or waits. */
  wantsCpu(): boolean {
    return this.task.polling || this.jobActive || this.released.length > 0
  }

  /** A job runs or waits: time the task does not get counts against it. */
  jobPending(): boolean {
    return this.jobActive || this.released.length > 0
  }

  /**
   * Fast-forwards a lazy polling task to `now`: the Lindley recursion of its work items (start =
   * max(arrival, previous finish)) over a stretch in which nothing else happened on this CPU, since
   * every event that touches the CPU fast-forwards it first.
   */
  fastForward(now: number): void {
    if (!this.lazy) return
    const task = this.task
    for (;;) {
      this.skipOnTimeJobs(now)
      const nextRelease = this.nextReleaseNs
      if (this.host.rtRunning() && this.jobActive) {
        let end = this.runSince + (this.jobWorkLeft > 0 ? this.jobWorkLeft : 0)
        if (task.missPolicy === 'abort-job') end = Math.min(end, Math.max(this.runSince, this.jobRelease + task.deadlineNs))
        if (end <= now && end <= nextRelease) {
          this.charge(end)
          this.finishJob(end)
          this.startJob(end)
          continue
        }
      }
      if (nextRelease > now) return
      this.host.accountTo(nextRelease)
      this.nextReleaseNs += task.periodNs
      if (this.skipNext) {
        this.skipNext = false
        continue
      }
      this.released.push(nextRelease, 0)
      if (this.host.rtRunning() && !this.jobActive) {
        this.charge(nextRelease)
        this.startJob(nextRelease)
      }
    }
  }

  /**
   * The stretch of work items before `now` that the polling task, on the CPU with nothing queued, starts
   * on arrival and finishes before the next: what the loop in fastForward does for each of them, at once —
   * the same charges, accounting and metrics, summed.
   */
  private skipOnTimeJobs(now: number): void {
    const work = this.onTimeWorkNs
    const first = this.nextReleaseNs
    if (work < 0 || first < this.sim.warmupNs || !this.host.rtRunning() || this.jobActive || this.released.length > 0 || this.skipNext || this.cacheCold) return
    const period = this.task.periodNs
    const count = Math.floor((now - work - first) / period) + 1
    if (count < 2) return
    const last = first + (count - 1) * period
    this.host.accountTo(last)
    this.charge(last + work)
    this.metrics.recordOnTimeJobs(count, work, this.task.deadlineNs)
    this.flushState.jobsRan(count)
    this.interference.jobDone()
    this.jobRelease = last
    this.jobWorkLeft = 0
    this.nextReleaseNs = last + period
  }

  /** The task got the CPU at `now`: its job (or the oldest released one) runs. */
  running(now: number): void {
    this.runSince = now
    if (!this.jobActive) this.startJob(now)
    if (this.jobActive && !this.lazy) this.scheduleJobEnd(now)
  }

  /** The task left the CPU at `now`: its job, if any, stops until it gets the CPU back. */
  stopped(now: number): void {
    this.charge(now)
    this.jobEnd.cancel()
  }

  /** Charges the task's run up to `now` to its job. */
  private charge(now: number): void {
    const elapsed = now - this.runSince
    this.runSince = now
    if (!this.jobActive) return
    this.jobWorkLeft -= elapsed
    this.jobRanNs += elapsed
  }

  /** The kworker ran on the CPU and evicted the task's cache lines. */
  cacheEvicted(): void {
    this.cacheCold = true
  }

  /**
   * At `now` a remote drainer (6.0–6.1) took pcp->lock at `from`, between two batches of the job's
   * free_unref_page_list: the task spins `ns` on it before its next batch, so the job ends later.
   */
  spinMidListFree(from: number, ns: number, now: number): void {
    if (!this.jobInListFree) return
    this.chargeLockSpin(ns, from)
    if (!this.host.rtRunning()) {
      this.jobWorkLeft += ns
      return
    }
    this.charge(now)
    this.jobWorkLeft += ns
    this.scheduleJobEnd(now)
  }

  /**
   * At `now` a remote drainer (6.2+) took pcp->lock at an unlock of the job's free_unref_page_list:
   * its trylock fails and the rest of the list goes to the buddy allocator, `ns` instead of the
   * `batchesNs` its remaining batches would have taken.
   */
  fallbackMidListFree(ns: number, batchesNs: number, now: number): void {
    if (!this.jobInListFree) return
    this.chargeFallback(ns, now)
    if (this.host.rtRunning()) this.charge(now)
    this.jobWorkLeft += ns - batchesNs
    if (this.host.rtRunning()) this.scheduleJobEnd(now)
  }

  private onRelease(now: number): void {
    const task = this.task
    const host = this.host
    host.accountTo(now)
    const release = this.nextReleaseNs
    this.nextReleaseNs += task.periodNs
    // a periodic task's wakeups are what its latency is measured from; a polling task's work items are not drawn
    if (!task.polling) this.sim.timeline.release(this.index, release)
    // a wakeup later than the next period finds that timer already expired: it fires at once (hrtimer_interrupt)
    this.sim.queue.push(Math.max(now, this.nextReleaseNs + this.timerLatency()), this.releaseKind)
    if (this.skipNext) {
      this.skipNext = false
      return
    }
    this.released.push(release, now - release)
    if (host.rtRunning()) {
      if (!this.jobActive && this.startJob(now)) this.scheduleJobEnd(now)
    } else {
      // an idle CPU runs the task; a busy one only where its occupant is preemptible (PREEMPT_RT work functions)
      host.reschedule(now)
    }
  }

  private onJobEnd(now: number): void {
    if (!this.host.rtRunning()) return
    this.charge(now)
    // work left at this event means the abort-job deadline cut the job short
    const aborted = this.jobWorkLeft > 0
    if (this.jobPages > 0) {
      // the job hands its pages back: free_unref_page_list (several) or free_unref_page (one)
      const pages = this.jobPages
      this.jobPages = 0
      freeUnrefPages(this.sim.normal, this.cpu, pages, pages > 1, now, this.op)
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
    if (this.task.polling) return
    this.host.preemptRt(now)
    this.host.reschedule(now)
  }

  private timerLatency(): number {
    const task = this.task
    if (task.polling) return 0
    const c = this.sim.costs
    return Math.round(task.timer.uniform(c.timerLatencyMinNs, c.timerLatencyMaxNs))
  }

  /** Starts the oldest released job, if any; the CPU is running the RT task. */
  private startJob(now: number): boolean {
    const task = this.task
    const sim = this.sim
    while (this.released.shift()) {
      const release = this.released.releaseNs
      const timerNs = this.released.timerNs
      this.jobRelease = release
      this.jobTimerNs = timerNs
      this.jobRanNs = 0
      if (task.missPolicy === 'abort-job' && now >= release + task.deadlineNs) {
        // past its deadline before it could start: dropped
        this.recordFinish(now)
        continue
      }
      this.jobActive = true
      this.flushState.jobsRan(1)
      if (release >= sim.warmupNs) {
        const latency = now - release
        this.metrics.recordStart(release, latency)
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
        this.jobPages = rmqueuePcplist(sim.normal, this.cpu, task.allocsPerJob, now, this.op)
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
    if (now >= this.sim.warmupNs) this.metrics.fallbacks++
  }

  /** The task spun `ns` from `from` on a pcp->lock a remote drainer held. */
  private chargeLockSpin(ns: number, from: number): void {
    this.interference.charge(SRC_LOCK_SPIN, ns, from)
    this.sim.timeline.record(this.index, SEG_LOCK_SPIN, from, from + ns)
  }

  private scheduleJobEnd(now: number): void {
    const task = this.task
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
    const task = this.task
    const response = now - this.jobRelease
    if (response > task.deadlineNs && task.missPolicy === 'skip-next') this.skipNext = true
    if (this.jobRelease < this.sim.warmupNs) return
    this.metrics.recordFinish(this.jobRelease, response, task.deadlineNs)
    if (response > task.deadlineNs) {
      // the miss the metrics count, drawn at the deadline, its window centred there
      const deadline = this.jobRelease + task.deadlineNs
      const half = this.sim.timelineWindowNs / 2
      this.sim.timeline.deadlineMiss(this.index, deadline, deadline - half, deadline + half)
      this.sim.timeline.explainMiss(this.index, {
        task: task.name, releaseNs: this.jobRelease, responseNs: response, deadlineNs: task.deadlineNs,
        timerNs: this.jobTimerNs, ranNs: this.jobRanNs, bySource: this.interference.jobBySource
      })
    }
  }
}
