// The kinds of simulated events. arg is a CPU, an isolated-CPU index or a drain-source index;
// arg2 is the expiry id of a cancellable Timer (sim/timer.ts: a stale one is ignored).
export const Ev = {
  /** periodic: hrtimer fires for a release; polling: a work item arrives (arg: isolated index) */
  RtRelease: 0,
  /** the realtime task's current job ends or reaches its abort deadline (arg: index, arg2: timer expiry id) */
  RtJobEnd: 1,
  /** the non-RT activity occupying an isolated CPU ends (arg: index, arg2: timer expiry id) */
  CpuActivityEnd: 2,
  /** rt-throttling: the RT runqueue used up sched_rt_runtime_us (arg: index, arg2: timer expiry id) */
  RtThrottle: 3,
  /** rt-throttling: sched_rt_period_us boundary, budgets replenished (global) */
  RtPeriod: 4,
  /** fair-server: the deferred dl_server reaches zero laxity and runs CFS (arg: index, arg2: timer expiry id) */
  FairServer: 5,
  /** stalld: a starving thread gets its boost slot (arg: index, arg2: timer expiry id) */
  StalldBoost: 6,
  /** housekeeping allocation burst (arg: cpu) */
  HkAlloc: 7,
  /** housekeeping free burst (arg: cpu) */
  HkFree: 8,
  /** a housekeeping CPU's kworker gets the CPU for drain_local_pages_wq (arg: cpu) */
  HkKworkerRun: 9,
  /** a housekeeping CPU's kworker finished its drain work item (arg: cpu) */
  HkKworkerDone: 10,
  /** a drain source fires (arg: source index) */
  DrainRequest: 11,
  /** a direct drainer finished one lock hold on a target (arg: drain id) */
  DrainStep: 12,
  /** 6.7+ vmstat interval: decay_pcp_high on housekeeping CPUs */
  VmstatDecay: 13,
  /** periodic sample of stranded and free pages */
  Sample: 14
} as const
