// direct-irqon (6.2–6.9, 5749077415994eb0 "leave IRQs enabled for per-cpu page allocations"): as
// direct, but pcp->lock is taken without disabling IRQs and every owner path, list frees included,
// uses trylock with the buddy fallback.
import type { Simulation } from '../simulation'
import { RemoteDrain } from './remote-drain'

export class DirectIrqonDrain extends RemoteDrain {
  readonly variant = 'direct-irqon' as const
  readonly listFreeSpins = false
  readonly pcpLockIrqsave = false

  constructor(sim: Simulation) {
    super(sim, Infinity)
  }
}
