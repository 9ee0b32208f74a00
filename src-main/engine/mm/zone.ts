// A zone whose pcplists run (ZONE_NORMAL, and ZONE_DMA32 with housekeeping.dma32Share): buddy free pages, zone->lock — a spinlock whose waiters are served in
// arrival order (FIFO, like a queued spinlock); requests arrive in simulated-time order, so a
// reservation model is exact: each acquisition starts when the previous holder releases — and the two
// zone->flags bits the pcp free path reads (mm/pcp-scaling.ts nrPcpHigh()).
import { DOUBLE_ZERO } from '../sim/double-zero'

/** Told when a zone flag changed at `now`: the housekeeping CPUs' planned local frees used the old bound. */
export interface ZoneFlagsListener {
  zoneFlagsChanged(now: number): void
}

export class Zone {
  freePages: number
  /** zone->lock is free from this time on */
  private lockFreeAt = DOUBLE_ZERO
  /**
   * ZONE_RECLAIM_ACTIVE: kswapd's balance_pgdat() set_reclaim_active() … clear_reclaim_active() (mm/vmscan.c,
   * 5.14+, c49c2c47dab6): the free path keeps at most batch << 2 pages per CPU (workload/kswapd-balances.ts sets it).
   */
  reclaimActive = false
  /**
   * ZONE_BELOW_HIGH (6.7+): set by get_page_from_freelist() when the zone's free pages are below the high
   * watermark, cleared by free_unref_page_commit() after a bulk free once they are above it again.
   */
  belowHigh = false
  private listener: ZoneFlagsListener | null = null

  constructor(readonly managedPages: number) {
    this.freePages = managedPages
  }

  /** spin_lock(&zone->lock) at `now`, held for `holdNs`: returns the time spent spinning. */
  acquireLock(now: number, holdNs: number): number {
    const start = this.lockFreeAt > now ? this.lockFreeAt : now
    this.lockFreeAt = start + holdNs
    return start - now
  }

  /** The one who replans what a flag bounds (the housekeeping load), wired once by the Simulation. */
  watchFlags(listener: ZoneFlagsListener): void {
    this.listener = listener
  }

  /** kswapd begins (`active`) or ends a balance at `now`; `belowHigh`: the release has ZONE_BELOW_HIGH (6.7+). */
  setReclaimActive(active: boolean, belowHigh: boolean, now: number): void {
    this.reclaimActive = active
    // the zone fell below its high watermark before kswapd woke (at the low one); it stays below it
    // until kswapd balanced it, and the flag until the free path sees that (freedInBulk)
    if (active && belowHigh) this.belowHigh = true
    this.listener?.zoneFlagsChanged(now)
  }

  /**
   * free_unref_page_commit() ran free_pcppages_bulk(): ZONE_BELOW_HIGH is cleared when zone_watermark_ok()
   * at the high watermark — in the model, once no kswapd balance is open (kswapd stops on a balanced zone).
   */
  freedInBulk(now: number): void {
    if (!this.belowHigh || this.reclaimActive) return
    this.belowHigh = false
    this.listener?.zoneFlagsChanged(now)
  }
}
