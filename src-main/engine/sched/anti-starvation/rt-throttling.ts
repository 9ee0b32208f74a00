// rt-throttling on a nohz_full CPU: the RT runqueue may run sched_rt_runtime_us of every sched_rt_period_us,
// but only the runtime update_curr_rt() has charged counts. A lone FIFO task lets the tick stop
// (sched_can_stop_tick(): no forced preemption between FIFO tasks, checked before any CFS task), so its run
// is charged only when it leaves the CPU (put_prev_task_rt) and by sched_tick_remote(), which a housekeeping
// CPU runs once a second (HZ jiffies) for each CPU whose tick is stopped; sched_rt_runtime_exceeded() then
// throttles it and resched_curr() takes the CPU from it. do_sched_rt_period_timer() takes a period's runtime
// off rt_time (rt_time -= min(rt_time, runtime)) without charging the running task, and lifts the throttle
// once rt_time < runtime. So a polling task is throttled at a remote tick, up to a second late, until the
// next period — (1 − φ) of a second every second period for a remote tick φ after the period timer — not
// 50 ms each second (kernel/sched/rt.c, core.c, 5.19–6.11; 6.12+ only with CONFIG_RT_GROUP_SCHED, model.md §3).
import type { EventQueue } from '../../sim/event-queue'
import { schedulePeriodic, type PeriodicTick } from '../../sim/periodic'
import type { AntiStarvation, StarvedCpu } from './anti-starvation'
import { REMOTE_TICK_NS } from './policy-params'
import { DOUBLE_ZERO } from '../../sim/double-zero'

export class RtThrottling implements AntiStarvation {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly remoteTick: PeriodicTick<RtThrottling> = (throttling, now) => throttling.onRemoteTick(now)

  throttled = false
  readonly boosted = false
  /** rt_rq->rt_time: the runtime charged, less what the period timer took off */
  private rtTime = DOUBLE_ZERO
  /** the FIFO task's exec_start: where its run not yet charged began (NaN: not on the CPU) */
  private execStart = NaN

  /** `remoteTickAtNs`: the first sched_tick_remote() for this CPU, then one every REMOTE_TICK_NS. */
  constructor(private readonly cpu: StarvedCpu, queue: EventQueue, private readonly runtimeNs: number, remoteTickAtNs: number) {
    schedulePeriodic(queue, remoteTickAtNs, REMOTE_TICK_NS, RtThrottling.remoteTick, this)
  }

  rtStarted(now: number): void {
    this.execStart = now
  }

  /** put_prev_task_rt(): update_curr_rt() charges the run; over the runtime, the task stays off until the period. */
  rtStopped(now: number): void {
    this.updateCurrRt(now)
    this.execStart = NaN
    if (this.rtTime > this.runtimeNs) this.throttled = true
  }

  kworkerStarved(): void {}
  kworkerScheduled(): void {}
  kworkerRan(): void {}
  activityEnded(): void {}

  /** sched_tick_remote() → task_tick_rt() → update_curr_rt(): charge the running task; over budget, throttle it. */
  private onRemoteTick(now: number): void {
    const cpu = this.cpu
    if (!cpu.rtRunning()) return
    cpu.catchUp(now)
    this.updateCurrRt(now)
    if (this.rtTime <= this.runtimeNs) return
    cpu.preemptRt(now)
    this.throttled = true
    cpu.reschedule(now)
  }

  private updateCurrRt(now: number): void {
    if (Number.isNaN(this.execStart)) return
    this.rtTime += now - this.execStart
    this.execStart = now
  }

  onRtPeriod(now: number): void {
    const cpu = this.cpu
    if (!cpu.hasTask) return
    cpu.catchUp(now)
    this.rtTime -= Math.min(this.rtTime, this.runtimeNs)
    if (!this.throttled || this.rtTime >= this.runtimeNs) return
    // close the throttled stretch of the timeline before lifting the throttle
    const idle = cpu.idle()
    if (idle) cpu.closeIdleSegment(now)
    this.throttled = false
    if (idle) cpu.reschedule(now)
  }
}
