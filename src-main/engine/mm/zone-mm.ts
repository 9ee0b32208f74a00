// One zone as the engine's components see it: the core (queue, costs, warm-up) with that zone's lock, free
// pages, pagesets and parameters. ZONE_NORMAL's is the run's kernel context; ZONE_DMA32's differs in those
// four (Simulation.nodeZones, docs/model.md §2.4).
import type { SimContext } from '../sim/sim-context'
import type { PageAllocator } from './page-allocator'

export type ZoneMm = SimContext & PageAllocator
