// drain_all_pages() bookkeeping: per-target times, the pcpu_drain_mutex hand-over to queued zone drains.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
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
