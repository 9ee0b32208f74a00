// The anti-starvation policy of one isolated CPU, behind one interface (one file per policy): what keeps
// a SCHED_FIFO task that never sleeps from starving the CPU's SCHED_OTHER kworker forever.
export interface AntiStarvation {
  /** rt-throttling: the RT runqueue used up its runtime in this period and may not run */
  readonly throttled: boolean
  /** fair server / stalld: the starved kworker holds a slot and runs ahead of the FIFO task */
  readonly boosted: boolean
  /** The FIFO task got the CPU at `now`. */
  rtStarted(now: number): void
  /** The FIFO task left the CPU at `now`. */
  rtStopped(now: number): void
  /** The kworker became runnable at `now` behind a runnable FIFO task. */
  kworkerStarved(now: number): void
  /** The kworker got the CPU. */
  kworkerScheduled(): void
  /** One kworker activity (switch in, drain, switch out) of `ns` ended. */
  kworkerRan(ns: number): void
  /**
   * An activity on the CPU (IPI, kworker switch or drain) ended at `now`; `kworkerRunnable`: the kworker
   * still has its work item or its switch-out ahead; `hasWork`: its work item is not done.
   */
  activityEnded(now: number, kworkerRunnable: boolean, hasWork: boolean): void
  /** sched_rt_period_timer (rt-throttling only): the RT runqueue's budget is replenished. */
  onRtPeriod(now: number): void
}

/** The isolated CPU as its policy sees it. */
export interface StarvedCpu {
  readonly hasTask: boolean
  /** whether the FIFO task is on the CPU */
  rtRunning(): boolean
  /** whether nothing is on the CPU */
  idle(): boolean
  /** whether the kworker has a drain work item queued or running */
  hasDrainWork(): boolean
  /** Brings the CPU's accounts (and a lazy polling task) up to `now` before the policy changes what may run. */
  catchUp(now: number): void
  /** Takes the CPU from the FIFO task at `now`. */
  preemptRt(now: number): void
  /** Closes the idle stretch of the timeline at `now` (its kind is about to change). */
  closeIdleSegment(now: number): void
  /** __schedule(): who gets the CPU now. */
  reschedule(now: number): void
}
