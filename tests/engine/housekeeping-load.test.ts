// The housekeeping load's owner operations: what its counters count.
import { describe, expect, it } from 'vitest'
import { housekeepingResult } from '../../src-main/engine/metrics/housekeeping-result'
import { Simulation } from '../../src-main/engine/simulation'
import { profileOf } from './support/engine-profiles'

describe('housekeeping load', () => {
  it('counts fallbacks in operations: one allocation burst that fails the pcp->lock trylock is one fallback', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), 'direct-irqon', 1)
    expect(sim.hk.unit).toBeGreaterThan(1)
    // a remote drainer holds CPU 0's pcp->lock
    sim.pcp.lockedUntil[0] = 1_000_000
    sim.hk.onAlloc(0, 1000)
    expect(housekeepingResult(sim.hk.perCpu, sim.fastPathOverheadNs).fallbacks).toBe(1)
    expect(sim.hk.heldTotal).toBe(sim.hk.unit)
  })
})
