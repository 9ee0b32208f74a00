// The invariants of model.md §7, checked at run time when asked (always in tests).
import type { DrainAllPages } from './drain/drain-all-pages'
import type { PerCpuPages } from './mm/per-cpu-pages'
import type { Zone } from './mm/zone'

export class InvariantViolation extends Error {}

/** Where the run's pages are: the zone, the pcplists, and what housekeeping and realtime tasks hold. */
export interface PagesOfRun {
  readonly zone: Zone
  readonly pcp: PerCpuPages
  readonly hk: { readonly heldTotal: number }
  readonly isolated: ReadonlyArray<{ readonly heldPages: number }>
}

/** After every event: pages are conserved and every CPU's count is within [0, its ceiling]. */
export function checkEventInvariants(sim: PagesOfRun, now: number): void {
  let rtHeld = 0
  for (const iso of sim.isolated) rtHeld += iso.heldPages
  const total = sim.zone.freePages + sim.pcp.total + sim.hk.heldTotal + rtHeld
  if (total !== sim.zone.managedPages) {
    throw new InvariantViolation(`page conservation broken at ${now} ns: zone free ${sim.zone.freePages} + pcp ${sim.pcp.total} + held ${sim.hk.heldTotal + rtHeld} = ${total} != managed ${sim.zone.managedPages}`)
  }
  if (sim.zone.freePages < 0) throw new InvariantViolation(`zone free pages negative at ${now} ns`)
  const count = sim.pcp.count
  let sum = 0
  for (let cpu = 0; cpu < count.length; cpu++) {
    const c = count[cpu]
    sum += c
    if (c < 0) throw new InvariantViolation(`CPU ${cpu} pcp->count ${c} < 0 at ${now} ns`)
    if (c > sim.pcp.ceiling[cpu]) throw new InvariantViolation(`CPU ${cpu} pcp->count ${c} above high + batch (${sim.pcp.ceiling[cpu]}) at ${now} ns`)
    if (sim.pcp.thpEntries[cpu] < 0 || sim.pcp.thpEntries[cpu] * sim.pcp.thpPages > c) throw new InvariantViolation(`CPU ${cpu} THP entries inconsistent with count at ${now} ns`)
  }
  if (sum !== sim.pcp.total) throw new InvariantViolation(`Σ pcp->count ${sum} != tracked total ${sim.pcp.total} at ${now} ns`)
}

/** At the end: every drain that was requested completed, was skipped, or is reported pending. */
export function checkEndInvariants(sim: { readonly drains: DrainAllPages }, stalled: number): void {
  const s = sim.drains.stats
  if (s.requested !== s.completed + s.skipped + stalled) {
    throw new InvariantViolation(`drains: requested ${s.requested} != completed ${s.completed} + skipped ${s.skipped} + pending ${stalled}`)
  }
  const open = sim.drains.started - sim.drains.finished
  if (open !== (sim.drains.holder === null ? 0 : 1)) throw new InvariantViolation(`drains: ${open} started drains neither completed nor holding the mutex`)
}
