// The requester side of the 6.0+ remote drain against the owner's own pcp->lock holds: contention both ways.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { freeUnrefPages } from '../../src-main/engine/mm/free-unref-page'
import { OwnerOpResult } from '../../src-main/engine/mm/owner-op-result'
import { rmqueuePcplist } from '../../src-main/engine/mm/rmqueue-pcplist'
import { Simulation } from '../../src-main/engine/simulation'
import { DIRECT_VARIANTS, profileOf } from './support/engine-profiles'

const costs = costsSchema.parse({})

/** Two housekeeping CPUs, nothing scheduled: the test drives CPU 1's owner and a drain from CPU 0 by hand. */
function machine(variant: (typeof DIRECT_VARIANTS)[number]): Simulation {
  return new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), variant, 1)
}

describe('a remote drainer spins on the owner\'s own pcp->lock hold', () => {
  for (const variant of DIRECT_VARIANTS) {
    it(`${variant}: the hold starts when the owner's free (with its bulk free at high) ends; the requester's spin is drain work`, () => {
      const sim = machine(variant)
      const high = sim.pcp.high[1]
      // one page short of high: a free of 2 pages reaches it and frees batch pages under zone->lock
      sim.pcp.fill(1, high - 1, 0, high + sim.pcp.batch)
      sim.zone.freePages -= high - 1
      const out = new OwnerOpResult()
      freeUnrefPages(sim, 1, 2, false, 0, out)
      expect(out.slowNs).toBe(freePcppagesBulkNs(sim.pcp.batch, 0, 512, costs.tPageLocalNs, costs))
      const ownerEnd = out.ns
      expect(sim.pcp.ownerBusyUntil[1]).toBe(ownerEnd)
      // the drain arrives in the middle of the owner's critical section
      const at = Math.floor(ownerEnd / 2)
      sim.drains.request(0, 'compaction', 0, at)
      // the first hold frees what the bulk free left, at most one chunk (batch << 5) in direct-chunked
      const chunk = variant === 'direct-chunked' ? sim.pcp.batch << 5 : Infinity
      const hold = freePcppagesBulkNs(Math.min(high + 1 - sim.pcp.batch, chunk), 0, 512, costs.tPageRemoteNs, costs)
      expect(sim.pcp.lockedUntil[1]).toBe(ownerEnd + hold)
      expect(sim.drainCpuNs).toBe(ownerEnd - at + hold)
    })
  }

  it('an owner allocation holds pcp->lock for its refill too; a failed trylock holds nothing', () => {
    const sim = machine('direct-irqon')
    const out = new OwnerOpResult()
    rmqueuePcplist(sim, 1, 4, 100, out)
    expect(out.slowNs).toBeGreaterThanOrEqual(costs.rmqueueBulkNs)
    expect(sim.pcp.ownerBusyUntil[1]).toBe(100 + out.ns)
    sim.pcp.lockedUntil[0] = 10_000
    rmqueuePcplist(sim, 0, 4, 200, out)
    expect(out.fallback).toBe(true)
    expect(sim.pcp.ownerBusyUntil[0]).toBe(0)
  })

  it('workqueue: local_lock has no remote locker, nothing is recorded', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), 'workqueue', 1)
    rmqueuePcplist(sim, 1, 4, 100, new OwnerOpResult())
    expect(sim.pcp.ownerBusyUntil[1]).toBe(0)
  })
})
