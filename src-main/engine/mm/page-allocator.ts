// What the owner-side pcplist operations need to see of the simulated kernel.
import type { Profile } from '../../../src-shared/profile/schema'
import type { DrainStrategy } from '../drain/drain-strategy'
import type { DerivedPcp } from './pcp-params'
import type { PerCpuPages } from './per-cpu-pages'
import type { Zone } from './zone'

export interface PageAllocator {
  readonly zone: Zone
  readonly pcp: PerCpuPages
  readonly params: DerivedPcp
  readonly costs: Profile['kernel']['costs']
  readonly strategy: DrainStrategy
}
