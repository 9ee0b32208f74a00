// The kernel variant of a run: one DrainStrategy per variant id.
import type { Variant } from '../../../src-shared/profile/schema'
import type { Simulation } from '../simulation'
import { DirectDrain } from './direct'
import { DirectChunkedDrain } from './direct-chunked'
import { DirectIrqonDrain } from './direct-irqon'
import type { DrainStrategy } from './drain-strategy'
import { WorkqueueDrain } from './workqueue'

export function createDrainStrategy(variant: Variant, sim: Simulation, batch: number, batchScaleMax: number): DrainStrategy {
  switch (variant) {
    case 'workqueue': return new WorkqueueDrain(sim)
    case 'direct': return new DirectDrain(sim)
    case 'direct-irqon': return new DirectIrqonDrain(sim)
    case 'direct-chunked': return new DirectChunkedDrain(sim, batch, batchScaleMax)
  }
}
