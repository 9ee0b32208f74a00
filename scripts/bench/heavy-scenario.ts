// The heavy scenario of issue 10's goal: 32 CPUs, 28-31 isolated with polling tasks (no allocations),
// housekeeping allocating and freeing 200 000 pages/s on each of the 28 other CPUs, reclaim drains
// 100/s, no anti-starvation policy, 16 GiB, a shared LLC, 60 s simulated. The housekeeping bursts
// dominate the engine's work here; the engine benchmark and the identity check both run it.
import type { ProfileInput } from '../../src-shared/profile/schema'

export function heavyScenario(): ProfileInput {
  const rtTasks = [28, 29, 30, 31].map((cpu) => ({ name: `poll${cpu}`, cpu, mode: 'polling' as const, periodUs: 100, runtimeUs: 20, allocsPerJob: 0, initialPcpPages: 300 }))
  return {
    schemaVersion: 1,
    name: 'Heavy housekeeping (issue 10)',
    machine: { cpus: 32, isolated: '28-31', memoryGiB: 16, llcShared: true },
    kernel: { antiStarvation: { policy: 'none' } },
    rtTasks,
    housekeeping: { allocRatePagesPerSec: 200_000, freeRatePagesPerSec: 200_000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 100 }],
    run: { durationMs: 60_000, seeds: [1] }
  }
}
