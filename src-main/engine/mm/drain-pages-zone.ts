// drain_pages_zone(): a CPU's pcplists emptied into the buddy allocator, by its own kworker
// (drain_local_pages_wq, ≤ 5.19) or by a remote drainer (6.0+).
import { freePcppagesBulk, type BulkFreeTarget } from './free-pcppages-bulk'
import type { ZoneLockHold } from './zone-lock-hold'

/**
 * drain_pages_zone(): frees what `cpu`'s lists hold, at most `maxPages` (a 6.10+ remote drainer's
 * chunk), with free_pcppages_bulk() — nothing, and no zone->lock, when they are empty. The one
 * implementation for the workqueue kworkers (isolated and housekeeping) and the remote drainer.
 */
export function drainPagesZone(k: BulkFreeTarget, cpu: number, maxPages: number, tPageNs: number, now: number, out: ZoneLockHold, keepOrder0 = 0): number {
  if (k.pcp.count[cpu] === 0) {
    out.waitNs = 0
    out.holdNs = 0
    return 0
  }
  return freePcppagesBulk(k, cpu, maxPages, tPageNs, now, out, keepOrder0)
}
