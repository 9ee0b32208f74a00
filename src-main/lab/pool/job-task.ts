// What the lab posts to a pool worker for one job (structured-cloned; the control buffer is shared).
import type { Profile, Variant } from '../../../src-shared/profile/schema'

export interface JobTask {
  profile: Profile
  variant: Variant
  seed: number
  /** RunModelOptions.timelineCapRecords: the job's share of the experiment's timeline budget (timeline-budget.ts); absent: the engine's cap */
  timelineCapRecords?: number
  control: SharedArrayBuffer
}
