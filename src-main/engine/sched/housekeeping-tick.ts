// The scheduler tick of a housekeeping (not nohz_full) CPU — models tick_sched_timer() firing every
// 1/HZ (machine.hz) and taking costs.tickNs of the CPU it interrupts. Every CPU ticks in phase
// (skew_tick=0), at multiples of the tick period. The isolated nohz_full CPUs need none: each runs one
// FIFO task, or its kworker alone, never two CFS tasks (sched_can_stop_tick()).
export class HousekeepingTick {
  readonly periodNs: number
  readonly tickNs: number

  constructor(hz: number, tickNs: number) {
    this.periodNs = Math.round(1e9 / hz)
    // a tick costing its whole period would leave the CPU no time for anything else
    this.tickNs = Math.min(Math.round(tickNs), this.periodNs - 1)
  }

  /**
   * Work of `workNs` that runs with interrupts on from `startNs`: every tick it meets takes tickNs
   * from it. Returns the time the ticks add to its span.
   */
  preemptible(startNs: number, workNs: number): number {
    if (this.tickNs <= 0 || workNs <= 0) return 0
    const p = this.periodNs
    const untilTick = (Math.floor(startNs / p) + 1) * p - startNs
    if (workNs <= untilTick) return 0
    // after the first tick, every period leaves p − tickNs for the work
    return Math.ceil((workNs - untilTick) / (p - this.tickNs)) * this.tickNs
  }

  /**
   * An IRQs-off section from `startNs` to `endNs`: a tick falling inside waits for interrupts to be
   * enabled again and then runs once. Returns its cost right after the section (0 when none fell in it).
   */
  deferred(startNs: number, endNs: number): number {
    if (this.tickNs <= 0) return 0
    return Math.floor(endNs / this.periodNs) > Math.floor(startNs / this.periodNs) ? this.tickNs : 0
  }
}
