// What an isolated CPU (and its realtime task) sees of the run: the core, its pcplists, the counters
// and recorders it feeds, and the run's settings it needs.
import type { Profile } from '../../../src-shared/profile/schema'
import type { VariantTraits } from '../../../src-shared/kernel/variant-traits'
import type { PageAllocator } from '../mm/page-allocator'
import type { DerivedPcp } from '../mm/pcp-params'
import type { PerCpuPages } from '../mm/per-cpu-pages'
import type { Zone } from '../mm/zone'
import type { ZoneMm } from '../mm/zone-mm'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import type { TimelineRecorder } from '../metrics/timeline-recorder'
import type { WorstSampleTracker } from '../metrics/worst-sample'
import type { EventQueue } from '../sim/event-queue'
import type { KernelCosts, SimContext } from '../sim/sim-context'
import type { AntiStarvationPolicy } from './anti-starvation/policy-params'

/** What the context adds to ZONE_NORMAL's. */
export type IsolatedCpuSettings = Omit<IsolatedCpuContext, keyof ZoneMm | 'normal'>

/**
 * ZONE_NORMAL's context and the settings, each field assigned by the constructor — not a spread into a literal,
 * whose hidden class V8 changed some runs into a worker's life (mm/zone-mm.ts ZoneMmContext says what that cost).
 */
export class IsolatedCpuContext implements SimContext, PageAllocator {
  readonly queue: EventQueue
  readonly costs: KernelCosts
  readonly warmupNs: number
  readonly zone: Zone
  readonly pcp: PerCpuPages
  readonly params: DerivedPcp
  readonly traits: VariantTraits
  readonly cpuTime: KernelCpuTime
  readonly policy: AntiStarvationPolicy
  readonly timeline: TimelineRecorder
  readonly worst: WorstSampleTracker
  readonly durationNs: number
  readonly seriesWindowNs: number
  readonly timelineWindowNs: number
  readonly ipiOnQueue: Profile['kernel']['ipiOnQueue']
  readonly llcShared: boolean
  /** CONFIG_PREEMPT_RT: a kworker's work function yields to the realtime task (model.md §3.1) */
  readonly preemptRt: boolean
  /** every zone whose pcplists run, as drain_pages() walks them (the task's own pages are ZONE_NORMAL's) */
  readonly nodeZones: readonly ZoneMm[]
  /**
   * ZONE_NORMAL's context, which the task's allocations and frees go to mm/ with: mm/'s functions then see one
   * class of context from every caller. Passed this context instead, they met a second class at the first
   * isolated CPU's page operation and deoptimised (BENCHMARKS.md, "2026-12-01, fourth").
   */
  readonly normal: ZoneMm

  constructor(normal: ZoneMm, settings: IsolatedCpuSettings) {
    this.queue = normal.queue
    this.costs = normal.costs
    this.warmupNs = normal.warmupNs
    this.zone = normal.zone
    this.pcp = normal.pcp
    this.params = normal.params
    this.traits = normal.traits
    this.cpuTime = settings.cpuTime
    this.policy = settings.policy
    this.timeline = settings.timeline
    this.worst = settings.worst
    this.durationNs = settings.durationNs
    this.seriesWindowNs = settings.seriesWindowNs
    this.timelineWindowNs = settings.timelineWindowNs
    this.ipiOnQueue = settings.ipiOnQueue
    this.llcShared = settings.llcShared
    this.preemptRt = settings.preemptRt
    this.nodeZones = settings.nodeZones
    this.normal = normal
  }
}
