// drain_all_pages() bookkeeping: per-target times, the pcpu_drain_mutex hand-over to queued zone drains.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { Simulation } from '../../src-main/engine/simulation'
import { DIRECT_VARIANTS, periodicTasks, profileOf, run } from './support/engine-profiles'

const costs = costsSchema.parse({})

describe('perTargetNs: from the drain\'s start to the end of each target\'s drain, in every variant', () => {
  const profile = profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '2-3' },
    rtTasks: periodicTasks([2, 3], { initialPcpPages: 400 }),
    housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 100 },
    drainSources: [{ kind: 'once', atMs: 10 }],
    run: { durationMs: 30 }
  })

  it('direct variants: the targets end one after another, the last one at the drain\'s completion', () => {
    // requester CPU 0 (its own list is local), then CPU 1, 2, 3 (remote), serially
    const first = freePcppagesBulkNs(100, 0, 512, costs.tPageLocalNs, costs)
    const total = first + freePcppagesBulkNs(100, 0, 512, costs.tPageRemoteNs, costs) + 2 * freePcppagesBulkNs(400, 0, 512, costs.tPageRemoteNs, costs)
    for (const variant of DIRECT_VARIANTS) {
      const d = run(profile, variant).drains
      expect(d.completed).toBe(1)
      expect(d.perTargetNs.count).toBe(4)
      expect(d.perTargetNs.min).toBe(first)
      expect(d.perTargetNs.max).toBe(total)
      expect(d.perTargetNs.max).toBe(d.durationNs.max)
    }
  })

  it('workqueue: the last work item ends at the drain\'s completion', () => {
    const d = run(profile, 'workqueue').drains
    expect(d.perTargetNs.count).toBe(4)
    expect(d.perTargetNs.max).toBe(d.durationNs.max)
  })
})

describe('direct-chunked: one lock hold frees at most batch × 2^batchScaleMax pages', () => {
  it('does not overflow for a large batch (a 32-bit shift would wrap to a negative chunk)', () => {
    const batch = 2 ** 26
    const profile = profileOf({
      schemaVersion: 1,
      // a zone of 2^26 pages: a batch cannot exceed its zone
      machine: { cpus: 3, isolated: '2', memoryGiB: 256 },
      kernel: { pcp: { batch, batchScaleMax: 5 } },
      rtTasks: periodicTasks([2], { initialPcpPages: 1000 }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 0 },
      drainSources: [{ kind: 'once', atMs: 10 }],
      run: { durationMs: 20 }
    })
    // 1000 pages fit one chunk: one lock hold, as in the unchunked variants
    expect(run(profile, 'direct-chunked').drains.durationNs.max).toBe(freePcppagesBulkNs(1000, 0, 512, costs.tPageRemoteNs, costs))
  })
})

describe('pcpu_drain_mutex hand-over', () => {
  it('serves a long queue of zone drains that complete at once without deepening the stack', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 2, isolated: '' } }), 'direct', 1)
    // one list to drain, so the first drain holds the mutex over a lock hold
    sim.pcp.fill(1, 100, 0, 1000)
    sim.zone.freePages -= 100
    sim.drains.request(0, 'compaction', 0, 0)
    const holder = sim.drains.holder
    expect(holder).not.toBeNull()
    // zone drains queue behind it; each finds every list empty when its turn comes
    const waiting = 50_000
    for (let i = 0; i < waiting; i++) sim.drains.request(0, 'compaction', 0, 1)
    sim.zone.freePages += sim.pcp.removeForFree(1, Infinity)
    sim.drains.complete(holder as NonNullable<typeof holder>, 2)
    expect(sim.drains.holder).toBeNull()
    expect(sim.drains.stats.completed).toBe(waiting + 1)
    expect(sim.drains.finished).toBe(sim.drains.started)
  })
})
