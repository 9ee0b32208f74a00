// The run's housekeeping figures: the per-CPU counters, and their merge as the all-CPU aggregate.
import type { HousekeepingResult } from '../../../src-shared/results/types'
import { DistributionRecorder } from './distribution-recorder'
import type { HousekeepingCpuStats } from './housekeeping-cpu-stats'

/**
 * `fastPathOverheadNs` is the simulation's total, which also counts the RT tasks' owner operations,
 * so the aggregate keeps its meaning: the per-CPU entries hold the housekeeping load's share only.
 */
export function housekeepingResult(perCpu: readonly HousekeepingCpuStats[], fastPathOverheadNs: number): HousekeepingResult {
  const allocFastPath = new DistributionRecorder()
  const zoneLockWait = new DistributionRecorder()
  let fallbacks = 0
  for (const stats of perCpu) {
    allocFastPath.mergeFrom(stats.allocFastPath)
    zoneLockWait.mergeFrom(stats.zoneLockWait)
    fallbacks += stats.fallbacks
  }
  return {
    allocFastPathNs: allocFastPath.summary(),
    zoneLockWaitNs: zoneLockWait.summary(),
    fallbacks,
    fastPathOverheadNs: Math.round(fastPathOverheadNs),
    perCpu: perCpu.map((stats) => stats.result())
  }
}
