// One housekeeping CPU's owner-operation counters (model.md §6: per housekeeping CPU, the fast-path latency
// and the zone->lock wait). Each sample is recorded here only; the run's aggregate is these merged at the end,
// so the hot path pays one record per sample whatever the number of CPUs.
import type { HousekeepingCpuResult } from '../../../src-shared/results/types'
import { DistributionRecorder } from './distribution-recorder'
import { DOUBLE_ZERO } from '../sim/double-zero'

export class HousekeepingCpuStats {
  readonly allocFastPath = new DistributionRecorder()
  readonly zoneLockWait = new DistributionRecorder()
  /** owner operations (allocation or free bursts) that failed the pcp->lock trylock and took the buddy path */
  fallbacks = 0
  /** owner fast-path time added by fastPathOverhead (integer ns per operation, so the sum is exact) */
  overheadNs = DOUBLE_ZERO

  constructor(readonly cpu: number) {}

  result(): HousekeepingCpuResult {
    return {
      cpu: this.cpu,
      allocFastPathNs: this.allocFastPath.summary(),
      zoneLockWaitNs: this.zoneLockWait.summary(),
      fallbacks: this.fallbacks,
      fastPathOverheadNs: this.overheadNs
    }
  }
}
