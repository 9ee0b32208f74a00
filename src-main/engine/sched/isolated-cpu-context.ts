// What an isolated CPU (and its realtime task) sees of the run: the core, its pcplists, the counters
// and recorders it feeds, and the run's settings it needs.
import type { Profile } from '../../../src-shared/profile/schema'
import type { PageAllocator } from '../mm/page-allocator'
import type { KernelCpuTime } from '../metrics/kernel-cpu-time'
import type { TimelineRecorder } from '../metrics/timeline-recorder'
import type { WorstSampleTracker } from '../metrics/worst-sample'
import type { SimContext } from '../sim/sim-context'
import type { ZoneMm } from '../mm/zone-mm'
import type { AntiStarvationPolicy } from './anti-starvation/policy-params'

export interface IsolatedCpuContext extends SimContext, PageAllocator {
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
}
