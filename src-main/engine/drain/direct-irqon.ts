// direct-irqon (6.2–6.9, 5749077415994eb0 "leave IRQs enabled for per-cpu page allocations"): as
// direct, but pcp->lock is taken without disabling IRQs and every owner path, list frees included,
// uses trylock with the buddy fallback.
import type { Simulation } from '../simulation'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'
import { RemoteDrainLoop } from './remote-drain-loop'

export class DirectIrqonDrain implements DrainStrategy {
  readonly variant = 'direct-irqon' as const
  readonly ownerLocking = 'spin-trylock' as const
  readonly listFreeSpins = false
  private readonly loop: RemoteDrainLoop

  constructor(sim: Simulation) {
    this.loop = new RemoteDrainLoop(sim, this.chunkPages())
  }

  chunkPages(): number {
    return Infinity
  }

  start(run: DrainRun, now: number): void {
    this.loop.start(run, now)
  }

  step(run: DrainRun, now: number): void {
    this.loop.step(run, now)
  }
}
