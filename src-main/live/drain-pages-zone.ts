// drain_pages_zone(): empty one CPU's pcplist into the zone, pcp->lock then zone->lock around each
// free_pcppages_bulk(). `chunk` pages at most per hold (6.10+, `direct-chunked`: batch << CONFIG_PCP_BATCH_SCALE_MAX,
// count re-read under each new hold); Infinity frees the whole list in one hold, as before 6.10.
import { cpuBase, PCP_COUNT, PCP_LOCK, ZONE_LOCK, type LiveState } from './live-state'
import { movePages, pcpPlace, zonePlace } from './page-moves'
import { spinLock, spinUnlock } from './spinlock'

export interface PagesDrained {
  pages: number
  /** false when the run stopped before the list was empty */
  complete: boolean
}

export function drainPagesZone(s: LiveState, cpu: number, chunk: number): PagesDrained {
  const stopped = () => s.stopped()
  const lockAt = cpuBase(cpu) + PCP_LOCK
  let pages = 0
  for (;;) {
    if (!spinLock(s.words, lockAt, stopped)) return { pages, complete: false }
    try {
      const count = s.field(cpu, PCP_COUNT)
      if (count === 0) return { pages, complete: true }
      if (!spinLock(s.words, ZONE_LOCK, stopped)) return { pages, complete: false }
      pages += movePages(s, pcpPlace(s, cpu), zonePlace(s), Math.min(count, chunk))
      spinUnlock(s.words, ZONE_LOCK)
      if (chunk === Infinity) return { pages, complete: true }
    } finally {
      spinUnlock(s.words, lockAt)
    }
  }
}
