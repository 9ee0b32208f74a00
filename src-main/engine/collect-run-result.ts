// Assembles the RunResult of a finished (or cancelled) simulation.
import type { RunResult } from '../../src-shared/results/types'
import type { DrainSourceKind } from '../../src-shared/profile/schema'
import type { Simulation } from './simulation'
import { bySourceOf } from './metrics/interference-source'
import { housekeepingResult } from './metrics/housekeeping-result'
import { ENGINE_VERSION } from './version'

export function collectRunResult(sim: Simulation, endNs: number, partial: boolean, pending: Array<{ kind: DrainSourceKind; ageNs: number }>): RunResult {
  const p = sim.params
  const tasks = sim.isolated.flatMap((iso) => {
    if (iso.task === null || iso.metrics === null) return []
    return [iso.metrics.result(iso.task.name, iso.cpu, iso.task.polling ? 'polling' : 'periodic', iso.task.deadlineNs, endNs)]
  })
  return {
    engineVersion: ENGINE_VERSION,
    variant: sim.variant,
    seed: sim.seed,
    pcp: { managedPages: p.managedPages, batch: p.batch, high: p.high, highMax: p.highMax, wmarkMin: p.wmarkMin, wmarkLow: p.wmarkLow, wmarkHigh: p.wmarkHigh },
    tasks,
    drains: sim.drains.stats.result(pending),
    interference: sim.isolated.map((iso) => ({ cpu: iso.cpu, bySourceNs: bySourceOf(iso.interference) })),
    housekeeping: housekeepingResult(sim.hk.perCpu, sim.fastPathOverheadNs),
    strandedPages: sim.stranded.result(),
    zoneFreePages: sim.zoneFree.result(),
    drainCpuNs: Math.round(sim.drainCpuNs),
    worst: sim.worst.result(sim.timeline.excerptSegments()),
    events: sim.events,
    simulatedNs: Math.round(endNs),
    partial
  }
}
