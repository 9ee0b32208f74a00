// housekeeping.perCpu (model.md §6: per housekeeping CPU, fast-path latency and zone->lock wait): the
// entries are the aggregate split by CPU, and a CPU given a higher allocation rate records more.
import { describe, expect, it } from 'vitest'
import type { DistributionNs, RunResult } from '../../src-shared/results/types'
import { housekeepingResult } from '../../src-main/engine/metrics/housekeeping-result'
import { Simulation } from '../../src-main/engine/simulation'
import { DIRECT_VARIANTS, periodicTasks, profileOf, run, sum } from './support/engine-profiles'

const profile = profileOf({
  schemaVersion: 1,
  machine: { cpus: 4, isolated: '3' },
  // the RT task allocates nothing, so every owner operation (and all the fastPathOverhead) is the housekeeping load's
  rtTasks: periodicTasks([3]),
  housekeeping: { allocRatePagesPerSec: 20_000, freeRatePagesPerSec: 20_000, perCpu: [{ cpu: 1, allocRatePagesPerSec: 80_000 }] },
  drainSources: [{ kind: 'reclaim', ratePerSec: 200 }],
  run: { durationMs: 200, warmupMs: 20 }
})

function expectMergesTo(parts: DistributionNs[], whole: DistributionNs): void {
  expect(sum(parts.map((d) => d.count))).toBe(whole.count)
  const recorded = parts.filter((d) => d.count > 0)
  expect(Math.max(...recorded.map((d) => d.max))).toBe(whole.max)
  expect(Math.min(...recorded.map((d) => d.min))).toBe(whole.min)
}

function perCpuOf(r: RunResult) {
  const perCpu = r.housekeeping.perCpu
  if (perCpu === undefined) throw new Error('the engine always writes housekeeping.perCpu')
  return perCpu
}

describe('housekeeping per CPU', () => {
  for (const variant of ['workqueue', ...DIRECT_VARIANTS] as const) {
    it(`${variant}: one entry per housekeeping CPU, merging to the aggregate`, () => {
      const r = run(profile, variant)
      const perCpu = perCpuOf(r)
      expect(perCpu.map((c) => c.cpu)).toEqual([0, 1, 2])
      expectMergesTo(perCpu.map((c) => c.allocFastPathNs), r.housekeeping.allocFastPathNs)
      expectMergesTo(perCpu.map((c) => c.zoneLockWaitNs), r.housekeeping.zoneLockWaitNs)
      expect(sum(perCpu.map((c) => c.fallbacks))).toBe(r.housekeeping.fallbacks)
      expect(sum(perCpu.map((c) => c.fastPathOverheadNs))).toBe(r.housekeeping.fastPathOverheadNs)
      if (variant !== 'workqueue') expect(r.housekeeping.fastPathOverheadNs).toBeGreaterThan(0)
    })
  }

  it('a fallback counts on the CPU whose pcp->lock trylock failed, once in the aggregate', () => {
    const sim = new Simulation(profileOf({ schemaVersion: 1, machine: { cpus: 3, isolated: '' } }), 'direct-irqon', 1)
    // a remote drainer holds CPU 1's pcp->lock
    sim.pcp.lockedUntil[1] = 1_000_000
    sim.hk.onAlloc(1, 1000)
    sim.hk.onAlloc(2, 1000)
    expect(sim.hk.perCpu.map((c) => c.fallbacks)).toEqual([0, 1, 0])
    expect(housekeepingResult(sim.hk.perCpu, sim.fastPathOverheadNs).fallbacks).toBe(1)
    expect(sim.hk.perCpu[1].zoneLockWait.count).toBe(1)
  })

  it('a CPU with four times the allocation rate records more fast-path samples than the others', () => {
    const [cpu0, cpu1, cpu2] = perCpuOf(run(profile, 'direct-irqon'))
    expect(cpu1.allocFastPathNs.count).toBeGreaterThan(1.5 * cpu0.allocFastPathNs.count)
    expect(cpu1.allocFastPathNs.count).toBeGreaterThan(1.5 * cpu2.allocFastPathNs.count)
    expect(cpu1.fastPathOverheadNs).toBeGreaterThan(cpu0.fastPathOverheadNs)
  })

  it('the aggregate overhead also holds the RT tasks\' owner operations; the per-CPU entries only the housekeeping share', () => {
    const allocating = profileOf({ ...profile, rtTasks: periodicTasks([3], { allocsPerJob: 8 }) })
    const r = run(allocating, 'direct')
    const housekeepingShare = sum(perCpuOf(r).map((c) => c.fastPathOverheadNs))
    expect(housekeepingShare).toBeGreaterThan(0)
    expect(housekeepingShare).toBeLessThan(r.housekeeping.fastPathOverheadNs)
  })

  it('is deterministic: the same seed gives the same per-CPU entries', () => {
    expect(perCpuOf(run(profile, 'direct', 5))).toEqual(perCpuOf(run(profile, 'direct', 5)))
  })
})

describe('the 6.7+ high decay in the warm-up', () => {
  it('frees the excess under zone->lock in the warm-up too, but records its wait only after it', () => {
    // no allocation load and long lists (high starts where they fit, mm/start-fill.ts): the only zone->lock
    // users are the vmstat decays, at 1 s and 2 s, each lowering high by an eighth and freeing what is above
    const decayOnly = (warmupMs: number) => run(profileOf({
      schemaVersion: 1,
      machine: { cpus: 4, isolated: '3' },
      kernel: { pcp: { autotune: true } },
      housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 5000 },
      run: { durationMs: 2500, warmupMs }
    }), 'workqueue')
    const measured = decayOnly(0)
    const warmedUp = decayOnly(1500)
    // two decays per housekeeping CPU; the warm-up leaves out the first
    expect(measured.housekeeping.zoneLockWaitNs.count).toBe(6)
    expect(warmedUp.housekeeping.zoneLockWaitNs.count).toBe(3)
    // the same pages were freed either way: the warm-up changes the metrics, not the system
    expect(warmedUp.strandedPages.values.at(-1)).toBe(measured.strandedPages.values.at(-1))
  })
})
