// Property tests (fast-check): for random valid profiles the §7 invariants hold and runs finish; the same
// profile and seed give byte-identical JSON; one drain source's rate does not move another's arrivals.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VARIANTS, type ProfileInput } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
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

describe('random valid profiles', () => {
  it('keep the invariants after every event and finish, in every variant', () => {
    fc.assert(fc.property(profileArb, fc.constantFrom(...VARIANTS), fc.integer({ min: 0, max: 1000 }), (input, variant, seed) => {
      const v = validateProfile(input)
      if (!v.ok) return
      const r = runModel(v.profile, variant, seed, { checkInvariants: true })
      expect(r.partial).toBe(false)
      expect(r.simulatedNs).toBe(100_000_000)
      expect(r.drains.requested).toBe(r.drains.completed + r.drains.skipped + r.drains.stalled)
      for (const t of r.tasks) expect(t.latencyNs.min).toBeGreaterThanOrEqual(0)
    }), { numRuns: 120, seed: 20261125 })
  })

  it('same profile and seed give byte-identical JSON', () => {
    fc.assert(fc.property(profileArb, fc.constantFrom(...VARIANTS), fc.integer({ min: 0, max: 1000 }), (input, variant, seed) => {
      const v = validateProfile(input)
      if (!v.ok) return
      const a = JSON.stringify(runModel(v.profile, variant, seed))
      const b = JSON.stringify(runModel(v.profile, variant, seed))
      expect(a).toBe(b)
    }), { numRuns: 15, seed: 7 })
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
        if (!v.ok) throw new Error('invalid')
        const times: number[] = []
        runModel(v.profile, 'workqueue', seed, { onDrainRequest: (e) => { if (e.source === 1) times.push(e.tNs) } })
        return times
      }
      expect(arrivals(rateA)).toEqual(arrivals(rateB))
    }), { numRuns: 10, seed: 3 })
  })
})
