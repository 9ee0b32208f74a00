// The small interface every kernel variant implements (one file per variant). A variant decides how
// the targets of a drain that holds pcpu_drain_mutex are drained, and how the owner's fast path locks.
import type { Variant } from '../../../src-shared/profile/schema'
import type { DrainRun } from './drain-run'

export interface DrainStrategy {
  readonly variant: Variant
  /**
   * Owner fast path: 'local-lock' = local_lock_irqsave (≤ 5.19, no atomic, no remote contention);
   * 'spin-trylock' = pcp->lock with trylock on alloc and single free, buddy fallback on failure.
   */
  readonly ownerLocking: 'local-lock' | 'spin-trylock'
  /** free_unref_page_list spins on pcp->lock (6.0–6.1) instead of trylock + fallback */
  readonly listFreeSpins: boolean
  /** Starts draining `run`'s targets at `now`; the run holds pcpu_drain_mutex. */
  start(run: DrainRun, now: number): void
  /** A DrainStep event of this run (direct variants: the previous lock hold ended). */
  step(run: DrainRun, now: number): void
}
