// direct (6.0–6.1, "Drain remote per-cpu directly"): the requester drains every target itself with
// the target's pcp->lock held (spin_lock_irqsave), the whole list per hold. Owners use pcp->lock:
// trylock on alloc and single free (buddy fallback on failure); a list free spins on the lock.
import type { Simulation } from '../simulation'
import type { DrainStrategy } from './drain-strategy'
import type { DrainRun } from './drain-run'
import { RemoteDrainLoop } from './remote-drain-loop'

export class DirectDrain implements DrainStrategy {
  readonly variant = 'direct' as const
  readonly ownerLocking = 'spin-trylock' as const
  readonly listFreeSpins = true
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
