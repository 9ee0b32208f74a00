// direct-chunked (6.10+, 55f77df7d715 "control latency caused by zone PCP draining"): as direct-irqon,
// but one pcp->lock hold frees at most batch << CONFIG_PCP_BATCH_SCALE_MAX pages (63 << 5 = 2016),
// re-reading count under the lock for every chunk.
import type { Simulation } from '../simulation'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'
import { RemoteDrainLoop } from './remote-drain-loop'

export class DirectChunkedDrain implements DrainStrategy {
  readonly variant = 'direct-chunked' as const
  readonly ownerLocking = 'spin-trylock' as const
  readonly listFreeSpins = false
  private readonly loop: RemoteDrainLoop

  constructor(sim: Simulation, batch: number, batchScaleMax: number) {
    this.loop = new RemoteDrainLoop(sim, this.chunkPages(batch, batchScaleMax))
  }

  chunkPages(batch: number, batchScaleMax: number): number {
    return Math.max(1, batch << batchScaleMax)
  }

  start(run: DrainRun, now: number): void {
    this.loop.start(run, now)
  }

  step(run: DrainRun, now: number): void {
    this.loop.step(run, now)
  }
}
