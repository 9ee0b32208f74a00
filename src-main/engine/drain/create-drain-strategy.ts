// The drain mechanism of a run's kernel variant (VARIANT_TRAITS.drainMechanism).
import { drainChunkPages, type VariantTraits } from '../../../src-shared/kernel/variant-traits'
import type { DrainStrategy } from './drain-strategy'
import { RemoteDrain, type RemoteDrainContext } from './remote-drain'
import { WorkqueueDrain } from './workqueue'

export function createDrainStrategy(traits: VariantTraits, batchScaleMax: number, ctx: RemoteDrainContext): DrainStrategy {
  if (traits.drainMechanism === 'workqueue') return new WorkqueueDrain(ctx.cpus)
  return new RemoteDrain(ctx, traits, drainChunkPages(traits, ctx.sim.pcp.batch, batchScaleMax))
}
