// The zone (one ZONE_NORMAL): buddy free pages and zone->lock, a spinlock whose waiters are served
// in arrival order (FIFO, like a queued spinlock). Requests arrive in simulated-time order, so a
// reservation model is exact: each acquisition starts when the previous holder releases.

export class Zone {
  freePages: number
  /** zone->lock is free from this time on */
  private lockFreeAt = 0

  constructor(readonly managedPages: number) {
    this.freePages = managedPages
  }

  /** spin_lock(&zone->lock) at `now`, held for `holdNs`: returns the time spent spinning. */
  acquireLock(now: number, holdNs: number): number {
    const start = this.lockFreeAt > now ? this.lockFreeAt : now
    this.lockFreeAt = start + holdNs
    return start - now
  }
}
