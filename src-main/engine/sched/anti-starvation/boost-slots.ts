// What the fair server and stalld share: once the kworker has starved long enough behind the FIFO task,
// it gets a slot of runtime ahead of it; a slot used up with work left ends, and the next comes later.
// The subclasses say when the first and the next slot start, and how long a slot runs.
import type { EventQueue } from '../../sim/event-queue'
import { Timer, type TimerExpiry } from '../../sim/timer'
import type { AntiStarvation, StarvedCpu } from './anti-starvation'
import { DOUBLE_ZERO } from '../../sim/double-zero'

export abstract class BoostSlots implements AntiStarvation {
  /** the queue's handler: made once for the class (EventQueue) */
  private static readonly slotBegins: TimerExpiry<BoostSlots> = (slots, now) => slots.onSlot(now)

  readonly throttled = false
  boosted = false
  /** the current slot's start and the kworker time used in it */
  protected slotStart = DOUBLE_ZERO
  private used = DOUBLE_ZERO
  /** the starving kworker gets its slot */
  private readonly slot: Timer<BoostSlots>

  constructor(private readonly cpu: StarvedCpu, queue: EventQueue, private readonly slotRuntimeNs: number) {
    this.slot = new Timer<BoostSlots>(queue, BoostSlots.slotBegins, this)
  }

  /** When the slot after a starvation that began at `now` starts; `continuing`: a used-up slot left work. */
  protected abstract nextSlotAt(now: number, continuing: boolean): number

  /** A slot begins at `now`. */
  protected slotBegins(_now: number): void {}

  rtStarted(): void {}
  rtStopped(): void {}

  kworkerStarved(now: number): void {
    if (!this.boosted) this.slot.schedule(this.nextSlotAt(now, false))
  }

  kworkerScheduled(): void {
    // the kworker got the CPU on its own: any pending slot is moot
    if (!this.boosted) this.slot.cancel()
  }

  kworkerRan(ns: number): void {
    if (this.boosted) this.used += ns
  }

  activityEnded(now: number, kworkerRunnable: boolean, hasWork: boolean): void {
    if (!this.boosted) return
    if (!kworkerRunnable) {
      this.boosted = false
    } else if (this.used >= this.slotRuntimeNs) {
      // the slot's runtime is used up with work left: back to the FIFO task, next slot later
      this.boosted = false
      if (hasWork) this.slot.schedule(this.nextSlotAt(now, true))
    }
  }

  /** The starving kworker's slot begins. */
  private onSlot(now: number): void {
    const cpu = this.cpu
    if (!cpu.hasDrainWork()) return
    cpu.catchUp(now)
    this.used = 0
    this.slotStart = now
    this.boosted = true
    this.slotBegins(now)
    cpu.reschedule(now)
  }

  onRtPeriod(): void {}
}
