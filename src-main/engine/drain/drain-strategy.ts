// How a drain that holds pcpu_drain_mutex drains its targets: the variant's drain mechanism
// (VARIANT_TRAITS.drainMechanism). The owner's locking rules are not here: mm/ reads them from the traits.
import type { DrainRun } from './drain-run'

export interface DrainStrategy {
  /** Starts draining `run`'s targets at `now`; true when there was nothing to wait for and the run completed. */
  start(run: DrainRun, now: number): boolean
  /** A DrainStep event of this run (remote drain: the previous lock hold or spin ended); true when the run completed. */
  step(run: DrainRun, now: number): boolean
}
