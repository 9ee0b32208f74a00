// How a drain that holds pcpu_drain_mutex drains its targets: the variant's drain mechanism
// (VARIANT_TRAITS.drainMechanism). The owner's locking rules are not here: mm/ reads them from the traits.
import type { DrainRun } from './drain-run'

export interface DrainStrategy {
  /**
   * Starts draining `run`'s targets at `now`; true when every target was drained at once. Otherwise the
   * mechanism reports to run.waiter when the targets are drained.
   */
  start(run: DrainRun, now: number): boolean
}
