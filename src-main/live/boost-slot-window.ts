// The fair server (6.12+, deferred dl_server) and stalld for a live polling loop, as the model runs them
// (engine/sched/anti-starvation/boost-slots.ts): once the kworker has starved behind the FIFO task for the
// policy's delay, it gets a slot ahead of it. A live slot runs the whole work item, as the model's does
// (its drain runs with IRQs off and is not cut at the slot's runtime), so a slot never leaves work for a next one.
import type { StarvationWindow, StarvationWindows } from './starvation-window'

export class BoostSlotWindows implements StarvationWindows {
  /** when the starving kworker's slot begins; Infinity while no work item waits */
  private slotAtNs = Infinity

  constructor(private readonly slotDelayNs: number) {}

  due(now: number, workQueued: boolean): StarvationWindow | null {
    if (!workQueued) {
      this.slotAtNs = Infinity
      return null
    }
    // the loop sees the work item at its next look, after the job it is running: the starvation begins then
    if (this.slotAtNs === Infinity) this.slotAtNs = now + this.slotDelayNs
    return now >= this.slotAtNs ? { kind: 'boost', untilNs: Infinity } : null
  }

  ended(): void {
    this.slotAtNs = Infinity
  }
}
