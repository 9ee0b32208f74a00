// Property tests (fast-check): for random valid profiles the §7 invariants hold and runs finish; the same
// profile and seed give byte-identical JSON; one drain source's rate does not move another's arrivals.
// The generator makes valid profiles only (a generated profile that does not validate fails the test rather
// than being skipped), and each property counts its runs, so none can pass having tested nothing.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VARIANTS, type Profile, type ProfileInput } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import type { DistributionNs, RunResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'

const taskArb = fc.record({
  mode: fc.constantFrom('periodic' as const, 'polling' as const),
  periodUs: fc.integer({ min: 200, max: 5000 }),
  utilisation: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
  dist: fc.constantFrom('fixed', 'uniform', 'lognormal'),
  allocsPerJob: fc.constantFrom(0, 0, 1, 4, 40),
  initialPcpPages: fc.integer({ min: 0, max: 3000 }),
  missPolicy: fc.constantFrom('continue' as const, 'skip-next' as const, 'abort-job' as const)
})

const profileArb = fc.record({
  cpus: fc.integer({ min: 2, max: 8 }),
  isolatedShare: fc.double({ min: 0, max: 0.75, noNaN: true }),
  tasks: fc.array(taskArb, { maxLength: 6 }),
  policy: fc.constantFrom('none' as const, 'rt-throttling' as const, 'fair-server' as const, 'stalld' as const),
  ipiOnQueue: fc.constantFrom('always' as const, 'cross-llc' as const, 'never' as const),
  llcShared: fc.boolean(),
  autotune: fc.boolean(),
  thpFraction: fc.constantFrom(0, 0.5),
  memoryGiB: fc.constantFrom(1, 4, 16),
  alloc: fc.integer({ min: 0, max: 40_000 }),
  free: fc.integer({ min: 0, max: 40_000 }),
  cfsRunnable: fc.constantFrom(0, 0, 3),
  sources: fc.array(fc.record({
    kind: fc.constantFrom('reclaim' as const, 'cma' as const, 'compaction' as const, 'offline' as const, 'once' as const),
    rate: fc.double({ min: 0, max: 200, noNaN: true }),
    atMs: fc.integer({ min: 0, max: 99 })
  }), { maxLength: 3 }),
  warmupMs: fc.constantFrom(0, 20)
}).map((g): ProfileInput => {
  const isolatedCount = Math.min(g.cpus - 1, Math.floor(g.cpus * g.isolatedShare))
  const isolated = Array.from({ length: isolatedCount }, (_, i) => g.cpus - isolatedCount + i)
  const tasks = g.tasks.slice(0, isolated.length).map((t, i) => {
    const mean = Math.max(1, t.periodUs * t.utilisation)
    const runtimeUs = t.dist === 'fixed' ? { dist: 'fixed' as const, valueUs: mean }
      : t.dist === 'uniform' ? { dist: 'uniform' as const, minUs: mean / 2, maxUs: mean * 1.5 }
        : { dist: 'lognormal' as const, medianUs: mean * 0.8, sigma: 0.5 }
    return { name: `t${i}`, cpu: isolated[i], mode: t.mode, periodUs: t.periodUs, runtimeUs, allocsPerJob: t.allocsPerJob, initialPcpPages: t.initialPcpPages, missPolicy: t.missPolicy }
  })
  return {
    schemaVersion: 1,
    machine: { cpus: g.cpus, isolated: isolated.join(','), memoryGiB: g.memoryGiB, llcShared: g.llcShared },
    kernel: {
      antiStarvation: { policy: g.policy, runtimeUs: 40_000, periodUs: 50_000, fairServerRuntimeUs: 5_000, fairServerPeriodUs: 50_000, stalldThresholdUs: 30_000, stalldBoostPeriodUs: 10_000, stalldBoostDurationUs: 40_000 },
      ipiOnQueue: g.ipiOnQueue,
      pcp: { autotune: g.autotune, thpFraction: g.thpFraction }
    },
    rtTasks: tasks,
    housekeeping: { allocRatePagesPerSec: g.alloc, freeRatePagesPerSec: g.free, cfsRunnable: g.cfsRunnable, cfsSliceUs: 500 },
    drainSources: g.sources.map((s) => (s.kind === 'once' ? { kind: 'once' as const, atMs: s.atMs } : { kind: s.kind, ratePerSec: s.rate })),
    run: { durationMs: 100, warmupMs: g.warmupMs, seriesWindowMs: 10, checkInvariants: true }
  }
})

/** The generated profile, validated: the generator is wrong, not the property, when this throws. */
function valid(input: ProfileInput): Profile {
  const v = validateProfile(input)
  if (!v.ok) throw new Error(`the generator made an invalid profile: ${JSON.stringify(v.issues)}`)
  return v.profile
}

/** A distribution's figures in order: min ≤ p50 ≤ p99 ≤ p99.9 ≤ p99.99 ≤ max, the mean between min and max. */
function expectOrdered(d: DistributionNs): void {
  if (d.count === 0) return
  const order = [d.min, d.p50, d.p99, d.p999, d.p9999, d.max]
  // HDR percentiles are bucket values: equal to the next within the histogram's 3 significant digits
  for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThanOrEqual(order[i - 1] * 0.999)
  expect(d.mean).toBeGreaterThanOrEqual(d.min * 0.999)
  expect(d.mean).toBeLessThanOrEqual(d.max * 1.001)
}

/** What must hold of any finished run: page accounting, drain accounting, miss accounting. */
function expectConsistent(r: RunResult, profile: Profile): void {
  expect(r.partial).toBe(false)
  expect(r.simulatedNs).toBe(100_000_000)
  // pages: the zone's free pages and the pcplists' together never exceed the zone, and neither goes negative
  r.zoneFreePages.values.forEach((free, i) => {
    expect(free).toBeGreaterThanOrEqual(0)
    expect(r.strandedPages.values[i]).toBeGreaterThanOrEqual(0)
    expect(free + r.strandedPages.values[i]).toBeLessThanOrEqual(r.pcp.managedPages)
  })
  // drains: each requested one completed, was skipped or is still pending, per source as in total
  const d = r.drains
  expect(d.completed).toBeLessThanOrEqual(d.requested)
  expect(d.requested).toBe(d.completed + d.skipped + d.stalled)
  const sources = Object.values(d.bySource)
  expect(sources.reduce((n, s) => n + s.requested, 0)).toBe(d.requested)
  expect(sources.reduce((n, s) => n + s.completed, 0)).toBe(d.completed)
  expect(d.durationNs.count).toBe(d.completed)
  // tasks: one result per task, misses among the activations, windowed misses summing to the misses
  expect(r.tasks.map((t) => t.name)).toEqual(profile.rtTasks.map((t) => t.name))
  for (const t of r.tasks) {
    expect(t.misses).toBeLessThanOrEqual(t.activations)
    expect(t.longestMissRun).toBeLessThanOrEqual(t.misses)
    expect(t.missesPerWindow.values.reduce((n, v) => n + v, 0)).toBe(t.misses)
    expect(t.responseNs.count).toBe(t.activations)
    expectOrdered(t.latencyNs)
    expectOrdered(t.responseNs)
  }
}

describe('random valid profiles', () => {
  it('keep the invariants after every event and finish, in every variant', () => {
    let runs = 0
    fc.assert(fc.property(profileArb, fc.constantFrom(...VARIANTS), fc.integer({ min: 0, max: 1000 }), (input, variant, seed) => {
      const profile = valid(input)
      // checkInvariants: the engine itself checks page conservation after every event and throws if broken
      const r = runModel(profile, variant, seed, { checkInvariants: true })
      runs++
      expectConsistent(r, profile)
    }), { numRuns: 120, seed: 20261125 })
    expect(runs).toBe(120)
  })

  it('same profile and seed give byte-identical JSON', () => {
    let runs = 0
    fc.assert(fc.property(profileArb, fc.constantFrom(...VARIANTS), fc.integer({ min: 0, max: 1000 }), (input, variant, seed) => {
      const profile = valid(input)
      const a = JSON.stringify(runModel(profile, variant, seed))
      const b = JSON.stringify(runModel(profile, variant, seed))
      runs++
      expect(a).toBe(b)
      // and the seed matters: a run that ignored it would pass the line above
      if (profile.rtTasks.length > 0 || profile.drainSources.length > 0) expect(JSON.stringify(runModel(profile, variant, seed + 1))).not.toBe(a)
    }), { numRuns: 15, seed: 7 })
    expect(runs).toBe(15)
  })

  it('changing one drain source\'s rate leaves another source\'s arrivals unchanged', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 300, noNaN: true }), fc.double({ min: 1, max: 300, noNaN: true }), fc.integer({ min: 0, max: 1000 }), (rateA, rateB, seed) => {
      const arrivals = (rate0: number) => {
        const v = validateProfile({
          schemaVersion: 1,
          machine: { cpus: 4, isolated: '3' },
          rtTasks: [{ name: 'p', cpu: 3, mode: 'polling', periodUs: 1000, runtimeUs: 100 }],
          drainSources: [{ kind: 'reclaim', ratePerSec: rate0 }, { kind: 'cma', ratePerSec: 50 }],
          run: { durationMs: 200 }
        })
        if (!v.ok) throw new Error(`invalid: ${JSON.stringify(v.issues)}`)
        const times: number[] = []
        runModel(v.profile, 'workqueue', seed, { onDrainRequest: (e) => { if (e.source === 1) times.push(e.tNs) } })
        return times
      }
      expect(arrivals(rateA)).toEqual(arrivals(rateB))
    }), { numRuns: 10, seed: 3 })
  })
})
