// A zone that runs dry: allocations get fewer pages than asked (allocation failure is not modelled),
// and everyone counts only the pages they got, so pages stay conserved (model.md §7).
import { describe, expect, it } from 'vitest'
import { VARIANTS } from '../../src-shared/profile/schema'
import { periodicTasks, profileOf, run } from './support/engine-profiles'

describe('a tiny zone', () => {
  // 2 MiB: 512 pages, fewer than the housekeeping CPUs and the tasks want
  const profile = profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '2-3', memoryGiB: 2 / 1024 },
    rtTasks: periodicTasks([2, 3], { periodUs: 500, runtimeUs: 100, allocsPerJob: 40, initialPcpPages: 50 }),
    // the housekeeping CPUs allocate and never free: they soon hold every free page
    housekeeping: { allocRatePagesPerSec: 200_000, freeRatePagesPerSec: 0 },
    drainSources: [{ kind: 'compaction', ratePerSec: 200 }],
    run: { durationMs: 50 }
  })

  it('keeps pages conserved after every event in every variant, with the zone empty', () => {
    for (const variant of VARIANTS) {
      const r = run(profile, variant)
      expect(r.partial).toBe(false)
      expect(Math.min(...r.zoneFreePages.values.slice(-10)), variant).toBe(0)
    }
  })
})
