// The event handlers a run registers with its queue are functions made once for their components' classes
// (sim/event-queue.ts says why): the second run a pool worker builds registers the very functions the first one
// did, kind by kind. A closure made per component, `queue.register((now) => this.onX(now))`, is a new function
// in every run, and V8 compiled the hot paths it calls again in each worker's second job (BENCHMARKS.md,
// "2026-12-01, fourth"). The profiles wire every component that registers one.
import { describe, expect, it } from 'vitest'
import type { Variant } from '../../src-shared/profile/schema'
import { Simulation } from '../../src-main/engine/simulation'
import { periodicTasks, pollingTasks, profileOf } from './support/engine-profiles'

/** the queue's handlers by kind, after the run started (periodic events register at start) */
function handlersOf(profile: ReturnType<typeof profileOf>, variant: Variant, seed: number): unknown[] {
  const sim = new Simulation(profile, variant, seed)
  sim.run()
  return (sim.queue as unknown as { handlers: unknown[] }).handlers
}

const drainSources = [
  { kind: 'reclaim' as const, ratePerSec: 200 },
  { kind: 'cma' as const, ratePerSec: 100 },
  { kind: 'lru' as const, ratePerSec: 100 },
  { kind: 'slab' as const, ratePerSec: 100 },
  { kind: 'stat-refresh' as const, ratePerSec: 50 }
]

const cases: Array<{ name: string; variant: Variant; policy: 'rt-throttling' | 'stalld' | 'fair-server'; pwLocks: boolean }> = [
  { name: 'direct, RT throttling, remote flushes (pw_queue_on)', variant: 'direct', policy: 'rt-throttling', pwLocks: true },
  { name: 'workqueue, stalld boosts', variant: 'workqueue', policy: 'stalld', pwLocks: false },
  { name: 'direct-chunked, the fair server', variant: 'direct-chunked', policy: 'fair-server', pwLocks: false }
]

describe('event handlers', () => {
  for (const c of cases) {
    it(`are the same functions in a worker's next run (${c.name})`, () => {
      const profile = profileOf({
        schemaVersion: 1,
        machine: { cpus: 8, isolated: '4-7', dmaZonesMiB: 4096 },
        kernel: { antiStarvation: { policy: c.policy }, pwLocks: c.pwLocks },
        rtTasks: [...periodicTasks([4, 5]), ...pollingTasks([6, 7], { allocsPerJob: 4 })],
        housekeeping: { allocRatePagesPerSec: 100_000, freeRatePagesPerSec: 100_000, dma32Share: 0.25 },
        drainSources,
        run: { durationMs: 50, seeds: [1] }
      })
      const first = handlersOf(profile, c.variant, 1)
      const next = handlersOf(profile, c.variant, 2)
      // the periodic tasks' releases, their job ends, the CPUs' activity ends, the contacts, the drains, the
      // flushes, kswapd, the samples: well over a dozen kinds
      expect(first.length).toBeGreaterThan(12)
      expect(next.length).toBe(first.length)
      expect(next.map((h, kind) => (h === first[kind] ? null : kind)).filter((k) => k !== null)).toEqual([])
    })
  }
})
