// One zone as the engine's components see it: the core (queue, costs, warm-up) with that zone's lock, free
// pages, pagesets and parameters. ZONE_NORMAL's is the run's kernel context; ZONE_DMA32's differs in those
// four (Simulation.nodeZones, docs/model.md §2.4).
import type { VariantTraits } from '../../../src-shared/kernel/variant-traits'
import type { EventQueue } from '../sim/event-queue'
import type { KernelCosts, SimContext } from '../sim/sim-context'
import type { PageAllocator } from './page-allocator'
import type { DerivedPcp } from './pcp-params'
import type { PerCpuPages } from './per-cpu-pages'
import type { Zone } from './zone'

export type ZoneMm = SimContext & PageAllocator

/**
 * A run's zone context, built by a constructor rather than as an object literal: V8 gives the objects of a
 * literal (or a spread) built once per run a new hidden class some runs into a worker's life, when it lays the
 * literal out afresh, and every optimised function that had checked the old class deoptimises and compiles
 * again in that job. A class keeps one hidden class for all its instances (BENCHMARKS.md, "Hidden classes
 * that changed between jobs"; tests/engine/context-hidden-class.test.ts).
 */
export class ZoneMmContext implements ZoneMm {
  constructor(
    readonly queue: EventQueue,
    readonly costs: KernelCosts,
    readonly warmupNs: number,
    readonly zone: Zone,
    readonly pcp: PerCpuPages,
    readonly params: DerivedPcp,
    readonly traits: VariantTraits
  ) {}
}
