// Assembles the result of a finished (or cancelled) simulation: a RunResult, its timeline columns still typed arrays (simulated-run.ts).
import type { DrainSourceKind, Variant } from '../../src-shared/profile/schema'
import type { DrainAllPages } from './drain/drain-all-pages'
import type { PerCpuFlushes } from './flush/per-cpu-flushes'
import type { DerivedPcp } from './mm/pcp-params'
import { bySourceOf } from './metrics/interference-source'
import { housekeepingResult } from './metrics/housekeeping-result'
import type { SampledSeriesRecorder } from './metrics/sampled-series'
import type { RunTimelineRecorder } from './metrics/run-timeline'
import type { TimelineRecorder } from './metrics/timeline-recorder'
import type { WorstSampleTracker } from './metrics/worst-sample'
import type { IsolatedCpu } from './sched/isolated-cpu'
import type { KswapdBalances } from './workload/kswapd-balances'
import type { ZoneMm } from './mm/zone-mm'
import type { HousekeepingLoad } from './workload/housekeeping-load'
import type { SimulatedRun } from './simulated-run'
import { ENGINE_VERSION } from './version'

/** What a finished run hands over for its result. */
export interface FinishedRun {
  readonly variant: Variant
  readonly seed: number
  readonly params: DerivedPcp
  readonly isolated: readonly IsolatedCpu[]
  readonly drains: DrainAllPages
  readonly flushes: PerCpuFlushes
  readonly hk: HousekeepingLoad
  readonly stranded: SampledSeriesRecorder
  readonly zoneFree: SampledSeriesRecorder
  readonly worst: WorstSampleTracker
  readonly timeline: TimelineRecorder
  readonly runTimeline: RunTimelineRecorder
  readonly drainCpuNs: number
  readonly fastPathOverheadNs: number
  readonly events: number
  readonly startPagesNotPlaced: number
  readonly kswapd: KswapdBalances
  readonly nodeZones: readonly ZoneMm[]
}

function dma32Params(p: DerivedPcp): NonNullable<SimulatedRun['pcp']['dma32']> {
  return { managedPages: p.managedPages, batch: p.batch, high: p.high, highMax: p.highMax }
}

export function collectRunResult(sim: FinishedRun, endNs: number, partial: boolean, pending: Array<{ kind: DrainSourceKind; ageNs: number }>): SimulatedRun {
  const p = sim.params
  const timeline = sim.runTimeline.result(endNs, [
    ...sim.hk.cpus.map((cpu) => ({ cpu, role: 'housekeeping' as const })),
    ...sim.isolated.map((iso) => ({ cpu: iso.cpu, role: 'isolated' as const }))
  ].sort((a, b) => a.cpu - b.cpu))
  const tasks = sim.isolated.flatMap((iso) => {
    if (iso.task === null || iso.metrics === null) return []
    return [iso.metrics.result(iso.task.name, iso.cpu, iso.task.polling ? 'polling' : 'periodic', iso.task.deadlineNs, endNs)]
  })
  const flushes = sim.flushes.stats.result(sim.flushes.pending(), endNs)
  return {
    engineVersion: ENGINE_VERSION,
    variant: sim.variant,
    seed: sim.seed,
    pcp: {
      managedPages: p.managedPages, batch: p.batch, high: p.high, highMax: p.highMax, wmarkMin: p.wmarkMin, wmarkLow: p.wmarkLow, wmarkHigh: p.wmarkHigh,
      autotune: p.autotune, scaling: p.scaling, startPagesNotPlaced: sim.startPagesNotPlaced,
      kswapdBalances: sim.kswapd.balances, reclaimActiveNs: Math.round(sim.kswapd.activeUntil(endNs)),
      ...(sim.nodeZones.length > 1 && { dma32: dma32Params(sim.nodeZones[0].params) })
    },
    tasks,
    drains: sim.drains.stats.result(pending),
    ...(flushes !== undefined && { flushes }),
    interference: sim.isolated.map((iso) => ({ cpu: iso.cpu, bySourceNs: bySourceOf(iso.interference.bySource) })),
    housekeeping: housekeepingResult(sim.hk.perCpu, sim.fastPathOverheadNs),
    strandedPages: sim.stranded.result(),
    zoneFreePages: sim.zoneFree.result(),
    drainCpuNs: Math.round(sim.drainCpuNs),
    worst: sim.worst.result(sim.timeline.excerptSegments()),
    ...(timeline !== undefined && { timeline }),
    events: sim.events,
    simulatedNs: Math.round(endNs),
    partial
  }
}
