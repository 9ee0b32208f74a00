// Small live-engine profiles for the tests: 2 CPUs (this machine's count), short runs, a modest zone.
import { profileSchema } from '../../src-shared/profile/rules'
import type { Profile } from '../../src-shared/profile/schema'

/** CPU 1 isolated with a polling task holding 31 pages on its list; one global drain from CPU 0 at 50 ms; policy none. */
export function pollingProfile(durationMs: number, extra: Record<string, unknown> = {}): Profile {
  return profileSchema.parse({
    schemaVersion: 1,
    name: 'live polling test',
    machine: { cpus: 2, isolated: '1', memoryGiB: 1 },
    kernel: { antiStarvation: { policy: 'none' } },
    rtTasks: [{ name: 'poller', cpu: 1, mode: 'polling', periodUs: 1000, runtimeUs: 20, initialPcpPages: 31 }],
    housekeeping: { allocRatePagesPerSec: 2000, freeRatePagesPerSec: 2000 },
    drainSources: [{ kind: 'once', atMs: 50, cpu: 0 }],
    run: { durationMs, engine: 'live' },
    ...extra
  })
}

/** Two housekeeping CPUs allocating and freeing fast, each raising drains often: drains race owners and each other. */
export function contendedProfile(durationMs: number): Profile {
  return profileSchema.parse({
    schemaVersion: 1,
    name: 'live contention test',
    machine: { cpus: 2, isolated: '', memoryGiB: 1 },
    kernel: { antiStarvation: { policy: 'none' }, pcp: { batch: 8, high: 32 } },
    housekeeping: { allocRatePagesPerSec: 200_000, freeRatePagesPerSec: 200_000 },
    drainSources: [{ kind: 'compaction', ratePerSec: 400, cpu: 0 }, { kind: 'cma', ratePerSec: 400, cpu: 1 }],
    run: { durationMs, engine: 'live' }
  })
}
