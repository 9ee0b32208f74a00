// The housekeeping load's owner operations: what its counters count.
import { describe, expect, it } from 'vitest'
import { housekeepingResult } from '../../src-main/engine/metrics/housekeeping-result'
import { Simulation } from '../../src-main/engine/simulation'
import { profileOf } from './support/engine-profiles'
import { heavyScenario } from '../../scripts/bench/heavy-scenario'
import { runModel } from '../../src-main/engine/run-model'

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
  it('runs the bursts that stay on a CPU\'s own lists without an event each', () => {
    const profile = profileOf({ ...heavyScenario(), run: { durationMs: 500 } })
    for (const variant of ['workqueue', 'direct'] as const) {
      const sim = new Simulation(profile, variant, 1)
      // 28 housekeeping CPUs, each allocating and freeing 200 000 pages/s in bursts of `unit` pages
      const bursts = 28 * 2 * (200_000 / sim.hk.unit) * 0.5
      const result = runModel(profile, variant, 1)
      // the bursts that refill, bulk free or meet a drain are events (about one in ten here); the rest are not
      expect(result.events).toBeLessThan(0.2 * bursts)
      expect(result.housekeeping.allocFastPathNs.count).toBeGreaterThan(0.9 * bursts * sim.hk.unit)
    }
  })
  it('keeps running the bursts of a CPU whose list stays far from every refill and bulk free', () => {
    // percpu_pagelist_high_fraction 8 on 256 GiB and 2 CPUs: high is millions of pages, so the walk between
    // contacts is cut at its cap again and again
    const profile = profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '', memoryGiB: 256 }, kernel: { pcp: { highFraction: 8 } }, housekeeping: { allocRatePagesPerSec: 100_000, freeRatePagesPerSec: 100_000 }, run: { durationMs: 1000 } })
    const sim = new Simulation(profile, 'direct', 1)
    // the list starts half way to high, thousands of bursts from either end: a random walk takes millions of
    // bursts to reach one
    expect(sim.pcp.high[0] / sim.hk.unit).toBeGreaterThanOrEqual(4096)
    const result = runModel(profile, 'direct', 1)
    // 2 CPUs × 2 kinds × 100 000 pages/s for 1 s
    expect(result.housekeeping.allocFastPathNs.count).toBeGreaterThan(0.9 * 2 * 2 * 100_000)
  })
  it('gives the same results with invariant checks on as off (checking reads nothing it would have to draw)', () => {
    const profile = profileOf({ ...heavyScenario(), run: { durationMs: 200 } })
    for (const variant of ['workqueue', 'direct'] as const) {
      const checked = runModel(profile, variant, 1, { checkInvariants: true })
      const unchecked = runModel({ ...profile, run: { ...profile.run, checkInvariants: false } }, variant, 1, { checkInvariants: false })
      expect(JSON.stringify(checked)).toBe(JSON.stringify(unchecked))
    }
  })
})
