// What the lab posts to a pool worker for one job (structured-cloned; the control buffer is shared).
import type { Profile, Variant } from '../../../src-shared/profile/schema'

export interface JobTask {
  profile: Profile
  variant: Variant
  seed: number
  /** RunModelOptions.timelineCapRecords: the job's share of the experiment's timeline budget (timeline-budget.ts); absent: the engine's cap */
  timelineCapRecords?: number
  /** RunModelOptions.timelineWindowNs: record only this window (a window of a recorded run, record-timeline-window.ts) */
  timelineWindowNs?: readonly [number, number]
  control: SharedArrayBuffer
}
