// direct (6.0–6.1, "Drain remote per-cpu directly"): the requester drains every target itself with
// the target's pcp->lock held (spin_lock_irqsave), the whole list per hold. Owners use pcp->lock:
// trylock on alloc and single free (buddy fallback on failure); a list free spins on the lock, dropping
// it every SWAP_CLUSTER_MAX pages, so the requester may take it between two batches.
import type { Simulation } from '../simulation'
import { RemoteDrain } from './remote-drain'

export class DirectDrain extends RemoteDrain {
  readonly variant = 'direct' as const
  readonly listFreeSpins = true
  readonly pcpLockIrqsave = true

  constructor(sim: Simulation) {
    super(sim, Infinity)
  }
}
