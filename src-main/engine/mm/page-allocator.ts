// What the owner-side pcplist operations need to see of the simulated kernel.
import type { Profile } from '../../../src-shared/profile/schema'
import type { DerivedPcp } from './pcp-params'
import type { PerCpuPages } from './per-cpu-pages'
import type { Zone } from './zone'
import type { VariantTraits } from '../../../src-shared/kernel/variant-traits'

export interface PageAllocator {
  readonly zone: Zone
  readonly pcp: PerCpuPages
  readonly params: DerivedPcp
  readonly costs: Profile['kernel']['costs']
  /** the kernel variant's locking rules (pcp lock kind, trylock fallback, list-free behaviour) */
  readonly traits: VariantTraits
}
