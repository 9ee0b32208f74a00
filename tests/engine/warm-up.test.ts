// The warm-up (run.warmupMs) hides the metrics of what happens before it; it must not change the dynamics.
import { describe, expect, it } from 'vitest'
import { costsSchema } from '../../src-shared/profile/schema'
import { freePcppagesBulkNs } from '../../src-main/engine/mm/free-pcppages-bulk'
import { periodicTasks, profileOf, run } from './support/engine-profiles'

const costs = costsSchema.parse({})
const MS = 1_000_000

describe('warm-up', () => {
  it('a miss policy acts on jobs released in the warm-up: the windows after it match a run without warm-up', () => {
    const pages = 30_000
    const profileWith = (warmupMs: number) => profileOf({
      schemaVersion: 1,
      machine: { cpus: 3, isolated: '2' },
      kernel: { pcp: { high: 2 * pages } },
      rtTasks: periodicTasks([2], { periodUs: 1000, runtimeUs: 200, deadlineUs: 500, missPolicy: 'skip-next', initialPcpPages: pages }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 0 },
      drainSources: [{ kind: 'once', atMs: 5 }],
      run: { durationMs: 20, warmupMs, seriesWindowMs: 1 }
    })
    // the kworker's IRQs-off drain outlasts a period: the jobs released in it miss their 500 µs deadline
    expect(freePcppagesBulkNs(pages, 0, 512, costs.tPageLocalNs, costs)).toBeGreaterThan(MS)
    const base = run(profileWith(0), 'workqueue').tasks[0]
    expect(base.misses).toBeGreaterThan(0)
    // warm-ups ending between the drain and well after the skipped releases (the drain lasts < 2 periods)
    for (let warmupUs = 5000; warmupUs <= 9000; warmupUs += 250) {
      const t = run(profileWith(warmupUs / 1000), 'workqueue').tasks[0]
      const first = Math.ceil((warmupUs * 1000) / MS)
      expect(t.maxLatencyPerWindowNs.values.slice(first), `warm-up ${warmupUs} µs`).toEqual(base.maxLatencyPerWindowNs.values.slice(first))
      expect(t.missesPerWindow.values.slice(first), `warm-up ${warmupUs} µs`).toEqual(base.missesPerWindow.values.slice(first))
    }
  })
})

describe('warm-up and owner operations', () => {
  it('the realtime task\'s fast-path overhead is not counted in the warm-up (as the housekeeping CPUs\')', () => {
    const allocs = 4
    const profileWith = (warmupMs: number) => profileOf({
      schemaVersion: 1,
      machine: { cpus: 3, isolated: '2' },
      rtTasks: periodicTasks([2], { periodUs: 1000, runtimeUs: 200, allocsPerJob: allocs }),
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0 },
      run: { durationMs: 100, warmupMs }
    })
    // each job: one allocation and one list free of `allocs` pages, each paying fastPathOverhead
    const perJob = 2 * Math.round(allocs * costs.ownerCriticalSectionNs * costs.fastPathOverhead)
    expect(perJob).toBeGreaterThan(0)
    for (const warmupMs of [0, 50]) {
      const r = run(profileWith(warmupMs), 'direct')
      const jobs = (100 - warmupMs) * MS / (1000 * 1000)
      expect(Math.abs(r.housekeeping.fastPathOverheadNs - jobs * perJob), `warm-up ${warmupMs} ms`).toBeLessThanOrEqual(perJob)
    }
  })
})
