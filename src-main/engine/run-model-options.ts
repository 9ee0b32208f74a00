// Options of runModel: invariant checks, progress, cancellation, a hook on drain requests, and the timeline's cap and window.
import type { DrainSourceKind } from '../../src-shared/profile/schema'

export interface RunModelProgress {
  simulatedNs: number
  events: number
  /** simulatedNs / the run's duration, 0..1 */
  fraction: number
}

export interface RunModelOptions {
  /** Check model.md §7 invariants after every event (also on when profile.run.checkInvariants). */
  checkInvariants?: boolean
  /** Called as the run goes, and a last time once the simulation has ended, before its result is collected. */
  onProgress?: (p: RunModelProgress) => void
  /** At most this many events between progress reports and cancellation checks (default 50 000); there is also one every 1 % of simulated time. */
  progressEveryEvents?: number
  /** Polled with the progress: true stops the run, which returns a partial result. */
  shouldCancel?: () => boolean
  /** Every drain request as it happens (source index in profile.drainSources, kind, time). */
  onDrainRequest?: (e: { source: number; kind: DrainSourceKind; tNs: number }) => void
  /** The most timeline records kept for the whole run (default TIMELINE_CAP_RECORDS, docs/timeline.md); past it only the windows are kept; 0: no timeline. */
  timelineCapRecords?: number
  /**
   * Record into the timeline only the records overlapping [from, until) ns (whole ns), up to the cap, and no
   * windows: the same run seen through one window the user asked for (docs/timeline.md). Nothing else of the
   * result changes, so a re-run with the same seed fills in a window the first run's cap left out.
   */
  timelineWindowNs?: readonly [number, number]
}
