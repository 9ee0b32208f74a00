// kswapd's balance_pgdat() runs that come with the direct-reclaim drains of the `reclaim` drain sources.
// drain_all_pages() is called from __alloc_pages_direct_reclaim() only after __alloc_pages_slowpath() woke
// kswapd (wake_all_kswapds()); balance_pgdat() sets ZONE_RECLAIM_ACTIVE at its start and clears it at its end
// (mm/vmscan.c set_reclaim_active() / clear_reclaim_active(), 5.14+). Measured here, a balance lasts well under
// a millisecond and most drains come in kswapd's nap after it (docs/model.md §2.3), so each drain brings one
// balance of `balanceNs` beginning `leadNs` before it — not before the source's previous drain, when that
// one's time is drawn (a lead longer than the gap starts the balance at the previous drain). kswapd is one
// thread per node: overlapping balances are one.
import type { EventHandler, EventQueue } from '../sim/event-queue'
import type { Zone } from '../mm/zone'
import type { RunTimelineRecorder } from '../metrics/run-timeline'
import { INSTANT_KSWAPD_SLEEP, INSTANT_KSWAPD_WAKE } from '../metrics/timeline-kind-index'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class KswapdBalances {
  /** the queue's handlers: made once for the class (EventQueue) */
  private static readonly balanceBegins: EventHandler<KswapdBalances> = (kswapd, now) => kswapd.begin(now)
  private static readonly balanceEnds: EventHandler<KswapdBalances> = (kswapd, now) => kswapd.end(now)

  /** balances begun and not ended (the flag is set while any is open) */
  private open = 0
  private readonly beginKind: number
  private readonly endKind: number
  /** simulated time with ZONE_RECLAIM_ACTIVE set after the warm-up, and the (merged) balances begun after it */
  private activeNs = DOUBLE_ZERO
  balances = 0
  private activeSince = DOUBLE_ZERO

  /**
   * `belowHigh`: the release has ZONE_BELOW_HIGH (6.7+), set while the zone is below its high watermark;
   * `timelineCpu`: the lane the balances are marked on (kswapd runs on a housekeeping CPU, its time is not modelled)
   */
  constructor(
    private readonly queue: EventQueue,
    /** the zones balance_pgdat() flags: every managed zone up to ZONE_NORMAL (update_reclaim_active()) */
    private readonly zones: readonly Zone[],
    private readonly belowHigh: boolean,
    private readonly warmupNs: number,
    private readonly timeline: RunTimelineRecorder,
    private readonly timelineCpu: number
  ) {
    this.beginKind = queue.register(KswapdBalances.balanceBegins, this)
    this.endKind = queue.register(KswapdBalances.balanceEnds, this)
  }

  /** The drain at `drainAt`, drawn at `now`: a balance of `balanceNs` from drainAt − leadNs, or from now if later. */
  before(drainAt: number, now: number, leadNs: number, balanceNs: number): void {
    const start = Math.max(now, drainAt - leadNs)
    this.queue.push(start, this.beginKind, 0)
    this.queue.push(start + balanceNs, this.endKind, 0)
  }

  /** The ZONE_RECLAIM_ACTIVE time after the warm-up up to `endNs` (a balance still open counts to the end). */
  activeUntil(endNs: number): number {
    return this.activeNs + (this.open > 0 ? Math.max(0, endNs - Math.max(this.activeSince, this.warmupNs)) : 0)
  }

  private begin(now: number): void {
    if (this.open++ > 0) return
    if (now >= this.warmupNs) this.balances++
    this.activeSince = now
    this.timeline.instant(this.timelineCpu, INSTANT_KSWAPD_WAKE, now, 0)
    for (const zone of this.zones) zone.setReclaimActive(true, this.belowHigh, now)
  }

  private end(now: number): void {
    if (--this.open > 0) return
    this.activeNs += Math.max(0, now - Math.max(this.activeSince, this.warmupNs))
    this.timeline.instant(this.timelineCpu, INSTANT_KSWAPD_SLEEP, now, 0)
    for (const zone of this.zones) zone.setReclaimActive(false, this.belowHigh, now)
  }
}
