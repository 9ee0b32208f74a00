// rt-throttling for a live polling loop, as the model runs it on a nohz_full CPU (engine/sched/anti-starvation/
// rt-throttling.ts, kernel/sched/rt.c and core.c 5.19–6.11): the loop's run is charged to rt_time only at
// sched_tick_remote(), once a second; a charge over sched_rt_runtime_us throttles it; each sched_rt_period_timer
// takes a runtime off rt_time without charging the running task and lifts the throttle once rt_time < runtime.
// Here the timers are times the loop compares with its clock: a timer is handled when the loop next looks
// (after the job it is running), at the timer's own time for the accounting.
import { REMOTE_TICK_NS } from '../engine/sched/anti-starvation/policy-params'
import type { StarvationWindow, StarvationWindows } from './starvation-window'

export class RtThrottleWindows implements StarvationWindows {
  /** rt_rq->rt_time: the runtime charged, less what the period timers took off */
  private rtTime = 0
  /** the FIFO task's exec_start: where its run not yet charged began */
  private execStart: number
  private nextPeriodNs: number
  private nextTickNs: number

  constructor(private readonly runtimeNs: number, private readonly periodNs: number, startNs: number, firstTickNs: number) {
    this.execStart = startNs
    this.nextPeriodNs = startNs + periodNs
    this.nextTickNs = firstTickNs
  }

  due(now: number): StarvationWindow | null {
    while (Math.min(this.nextPeriodNs, this.nextTickNs) <= now) {
      if (this.nextPeriodNs <= this.nextTickNs) {
        this.rtTime -= Math.min(this.rtTime, this.runtimeNs)
        this.nextPeriodNs += this.periodNs
        continue
      }
      // sched_tick_remote() → update_curr_rt(); sched_rt_runtime_exceeded() throttles
      const tick = this.nextTickNs
      this.nextTickNs += REMOTE_TICK_NS
      this.rtTime += tick - this.execStart
      this.execStart = tick
      if (this.rtTime > this.runtimeNs) return { kind: 'throttle', untilNs: this.liftingPeriod() }
    }
    return null
  }

  /** do_sched_rt_period_timer() while throttled: the first period timer that leaves rt_time below the runtime. */
  private liftingPeriod(): number {
    for (;;) {
      const at = this.nextPeriodNs
      this.nextPeriodNs += this.periodNs
      this.rtTime -= Math.min(this.rtTime, this.runtimeNs)
      if (this.rtTime < this.runtimeNs) return at
    }
  }

  ended(now: number): void {
    this.execStart = now
    // remote ticks while throttled found no RT task running: nothing to charge
    while (this.nextTickNs <= now) this.nextTickNs += REMOTE_TICK_NS
  }
}
