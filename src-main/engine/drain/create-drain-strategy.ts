// The drain mechanism of a run's kernel variant (VARIANT_TRAITS.drainMechanism).
import type { Profile } from '../../../src-shared/profile/schema'
import type { HousekeepingKworkers } from '../sched/housekeeping-kworker'
import { drainChunkPages, type VariantTraits } from '../variant-traits'
import type { DrainStrategy } from './drain-strategy'
import { RemoteDrain, type RemoteDrainContext } from './remote-drain'
import { WorkqueueDrain } from './workqueue'

export function createDrainStrategy(traits: VariantTraits, profile: Profile, ctx: RemoteDrainContext, hkKworkers: HousekeepingKworkers): DrainStrategy {
  if (traits.drainMechanism === 'workqueue') return new WorkqueueDrain(ctx.isolatedByCpu, hkKworkers, profile.kernel.ipiOnQueue, profile.machine.llcShared)
  return new RemoteDrain(ctx, traits, drainChunkPages(traits, ctx.sim.pcp.batch, profile.kernel.pcp.batchScaleMax))
}
