// What every simulated component sees of the core: the event queue it schedules on, the kernel's
// costs, and when measurement starts (the warm-up's end). Components get this, not the whole run.
import type { Profile } from '../../../src-shared/profile/schema'
import type { EventQueue } from './event-queue'

export type KernelCosts = Profile['kernel']['costs']

export interface SimContext {
  readonly queue: EventQueue
  readonly costs: KernelCosts
  /** events before this time run normally but are not counted in the results */
  readonly warmupNs: number
}
