// direct-chunked (6.10+, 55f77df7d715 "control latency caused by zone PCP draining"): as direct-irqon,
// but one pcp->lock hold frees at most batch << CONFIG_PCP_BATCH_SCALE_MAX pages (63 << 5 = 2016),
// re-reading count under the lock for every chunk.
import type { Simulation } from '../simulation'
import { RemoteDrain } from './remote-drain'

export class DirectChunkedDrain extends RemoteDrain {
  readonly variant = 'direct-chunked' as const
  readonly listFreeSpins = false
  readonly pcpLockIrqsave = false

  constructor(sim: Simulation, batch: number, batchScaleMax: number) {
    // batch << CONFIG_PCP_BATCH_SCALE_MAX, in floating point: a 32-bit shift wraps for a large batch
    super(sim, Math.max(1, batch * 2 ** batchScaleMax))
  }
}
