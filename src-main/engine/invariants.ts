// The invariants of model.md §7, checked at run time when asked (always in tests).
import type { DrainAllPages } from './drain/drain-all-pages'
import type { PerCpuPages } from './mm/per-cpu-pages'
import type { Zone } from './mm/zone'

export class InvariantViolation extends Error {}

/**
 * Where the run's pages are, zone by zone (ZONE_NORMAL last): the zone, its pcplists, what its housekeeping
 * load holds — and what the realtime tasks hold, all ZONE_NORMAL pages.
 */
export interface PagesOfRun {
  readonly nodeZones: ReadonlyArray<{ readonly zone: Zone; readonly pcp: PerCpuPages }>
  readonly owners: { readonly loads: ReadonlyArray<{ readonly heldTotal: number }> }
  readonly isolated: ReadonlyArray<{ readonly heldPages: number }>
}

/** After every event: pages are conserved in every zone and every CPU's count is within [0, its ceiling]. */
export function checkEventInvariants(sim: PagesOfRun, now: number): void {
  let rtHeld = 0
  for (const iso of sim.isolated) rtHeld += iso.heldPages
  const zones = sim.nodeZones
  zones.forEach(({ zone, pcp }, z) => {
    const held = sim.owners.loads[z].heldTotal + (z === zones.length - 1 ? rtHeld : 0)
    checkZoneInvariants(zone, pcp, held, now)
  })
}

function checkZoneInvariants(zone: Zone, pcp: PerCpuPages, held: number, now: number): void {
  const total = zone.freePages + pcp.total + held
  if (total !== zone.managedPages) {
    throw new InvariantViolation(`page conservation broken at ${now} ns: zone free ${zone.freePages} + pcp ${pcp.total} + held ${held} = ${total} != managed ${zone.managedPages}`)
  }
  if (zone.freePages < 0) throw new InvariantViolation(`zone free pages negative at ${now} ns`)
  const count = pcp.count
  let sum = 0
  for (let cpu = 0; cpu < count.length; cpu++) {
    const c = count[cpu]
    sum += c
    if (c < 0) throw new InvariantViolation(`CPU ${cpu} pcp->count ${c} < 0 at ${now} ns`)
    if (c > pcp.ceiling[cpu]) throw new InvariantViolation(`CPU ${cpu} pcp->count ${c} above high + batch (${pcp.ceiling[cpu]}) at ${now} ns`)
    if (pcp.thpEntries[cpu] < 0 || pcp.thpEntries[cpu] * pcp.thpPages > c) throw new InvariantViolation(`CPU ${cpu} THP entries inconsistent with count at ${now} ns`)
  }
  if (sum !== pcp.total) throw new InvariantViolation(`Σ pcp->count ${sum} != tracked total ${pcp.total} at ${now} ns`)
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
