// Validation of model.md §8.10–§8.12: the pcp lists per kernel release — what a run gets of auto-tuning and
// bulk-free scaling by default, how a net-free and a net-allocating CPU settle under each, and no start-up
// trim. Each expectation follows from the kernel functions (mm/page_alloc.c: nr_pcp_free, nr_pcp_high,
// nr_pcp_alloc, decay_pcp_high) and the profile, never from a previous run's output.
import { describe, expect, it } from 'vitest'
import { Simulation } from '../../src-main/engine/simulation'
import type { Variant } from '../../src-shared/profile/schema'
import { profileOf, run } from './support/engine-profiles'

const BATCH = 63
/** batch << CONFIG_PCP_BATCH_SCALE_MAX: the 6.7+ free_count cap */
const CAP = BATCH << 5

/**
 * Housekeeping CPU 0 only frees, CPU 1 allocates more than it frees, CPU 2 frees more than it allocates, 12
 * idle; no drains; 3 s (CPU 0's tasks hold pages for 3.3 s of frees). 16 CPUs keep high_min (low / CPUs) well
 * below the free_count cap.
 */
function netFlows(autotune: 'release' | boolean = 'release') {
  return profileOf({
    schemaVersion: 1,
    machine: { cpus: 16, isolated: '15', memoryGiB: 16 },
    kernel: { pcp: { autotune } },
    housekeeping: {
      allocRatePagesPerSec: 0,
      freeRatePagesPerSec: 0,
      perCpu: [
        { cpu: 0, allocRatePagesPerSec: 0, freeRatePagesPerSec: 20_000 },
        { cpu: 1, allocRatePagesPerSec: 30_000, freeRatePagesPerSec: 20_000 },
        { cpu: 2, allocRatePagesPerSec: 20_000, freeRatePagesPerSec: 30_000 }
      ]
    },
    run: { durationMs: 3000, checkInvariants: true }
  })
}

function settle(variant: Variant, autotune: 'release' | boolean = 'release') {
  const sim = new Simulation(netFlows(autotune), variant, 1)
  const result = sim.run()
  return { sim, result, high: Array.from(sim.pcp.high), count: Array.from(sim.pcp.count) }
}

describe('§8.10 each variant runs its release\'s pcp tuning unless the profile overrides it', () => {
  it('direct-chunked (6.12) auto-tunes high and scales bulk frees by free_count; the ≤ 6.6 variants keep high fixed and use free_factor', () => {
    const tuned = settle('direct-chunked').result.pcp
    expect(tuned.autotune).toBe(true)
    expect(tuned.scaling).toBe('free-count')
    expect(tuned.highMax).toBeGreaterThan(tuned.high)
    for (const variant of ['workqueue', 'direct', 'direct-irqon'] as const) {
      const fixed = settle(variant).result.pcp
      expect(fixed.autotune).toBe(false)
      expect(fixed.scaling).toBe('free-factor')
      expect(fixed.highMax).toBe(fixed.high)
    }
  })

  it('kernel.pcp.autotune true runs the 6.7+ code on any release; false fixes high but keeps the release\'s scaling', () => {
    expect(settle('workqueue', true).result.pcp).toMatchObject({ autotune: true, scaling: 'free-count' })
    expect(settle('direct-chunked', false).result.pcp).toMatchObject({ autotune: false, scaling: 'free-count' })
  })
})

describe('§8.11 where a net-free and a net-allocating CPU settle', () => {
  it('6.12: frees raise high only to free_count + batch (nr_pcp_high), so to the cap + batch at most, far below high_max; refills raise it (nr_pcp_alloc)', () => {
    const { high, count, result } = settle('direct-chunked')
    expect(result.pcp.high).toBeLessThan(CAP / 2)
    expect(result.pcp.highMax).toBeGreaterThan(10 * (CAP + BATCH))
    // CPU 0 only frees: free_count reaches its cap, and the first free after each decay raises high back to cap + batch
    expect(high[0]).toBe(CAP + BATCH)
    expect(count[0]).toBeLessThanOrEqual(CAP + BATCH)
    // CPU 2's allocations halve free_count page by page: its frees never raise high past the cap + batch either
    expect(high[2]).toBeLessThanOrEqual(CAP + BATCH)
    // CPU 1: every refill raised high by its size; the vmstat decay takes an eighth a second back
    expect(high[1]).toBeGreaterThan(result.pcp.high + CAP)
  })

  it('6.6: high stays put; a net-free CPU\'s bulk frees grow to high − batch (free_factor) and its list stays below high', () => {
    const { high, count, result } = settle('direct-irqon')
    expect(high).toEqual(Array<number>(16).fill(result.pcp.high))
    for (const cpu of [0, 1, 2]) expect(count[cpu]).toBeLessThan(result.pcp.high)
  })

  it('6.12 moves more pages per zone->lock hold than 6.6 for the same flows: fewer, longer holds', () => {
    const irqon = settle('direct-irqon').result.housekeeping.zoneLockWaitNs.count
    const chunked = settle('direct-chunked').result.housekeeping.zoneLockWaitNs.count
    expect(chunked).toBeLessThan(irqon)
  })
})

describe('§8.12 no start-up trim', () => {
  const profile = (autotune: boolean) => profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '3', memoryGiB: 16 },
    kernel: { pcp: { autotune } },
    rtTasks: [{ name: 'cyc3', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 100, allocsPerJob: 4, initialPcpPages: 20_000 }],
    housekeeping: { allocRatePagesPerSec: 0, freeRatePagesPerSec: 0, initialPcpPages: 0 },
    run: { durationMs: 50 }
  })

  it('with high fixed, a start fill above high is cut to high − 1 and reported, so the first free does not bulk-free it', () => {
    const r = run(profile(false), 'direct-irqon')
    expect(r.pcp.startPagesNotPlaced).toBe(20_000 - (r.pcp.high - 1))
    expect(r.strandedPages.values[0]).toBe(r.pcp.high - 1)
    // the task allocates and frees 4 pages a job: its list never leaves [high − 1 − 4, high − 1]
    expect(Math.min(...r.strandedPages.values)).toBeGreaterThanOrEqual(r.pcp.high - 1 - 4)
  })

  it('under auto-tuning the whole fill is placed and high starts above it', () => {
    const r = run(profile(true), 'direct-chunked')
    expect(r.pcp.startPagesNotPlaced).toBe(0)
    expect(Math.min(...r.strandedPages.values)).toBeGreaterThanOrEqual(20_000 - 4)
  })
})

describe('§8.13 the anti-starvation policy of each release', () => {
  const poller = (policy: 'release' | 'rt-throttling') => profileOf({
    schemaVersion: 1,
    machine: { cpus: 4, isolated: '3' },
    kernel: { antiStarvation: { policy } },
    rtTasks: [{ name: 'poll3', cpu: 3, mode: 'polling', periodUs: 1000, runtimeUs: 100 }],
    run: { durationMs: 3000 }
  })

  it('"release" throttles a polling task up to 6.11 and leaves it alone on 6.12, where only a runnable CFS task would start the fair server', () => {
    for (const variant of ['workqueue', 'direct', 'direct-irqon'] as const) {
      expect(run(poller('release'), variant).interference[0].bySourceNs.throttle).toBeGreaterThan(0)
    }
    const chunked = run(poller('release'), 'direct-chunked').interference[0].bySourceNs
    expect(chunked.throttle).toBe(0)
    // rt-throttling on 6.12 is a kernel built with CONFIG_RT_GROUP_SCHED
    expect(run(poller('rt-throttling'), 'direct-chunked').interference[0].bySourceNs.throttle).toBeGreaterThan(0)
  })
})
