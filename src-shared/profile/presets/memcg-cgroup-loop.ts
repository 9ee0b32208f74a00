// The release-by-release finding of engine 0.6 for the flushes that learned cpu_is_isolated() (docs/model.md
// §10.1): drain_all_stock() from 6.4 and vmstat_shepherd() from 6.5 pass isolated CPUs over; the LRU flush
// never does.
import type { Preset } from './preset'

const description =
  'A 2 kHz control loop in a memory cgroup on isolated CPU 3: each cycle charges memory, changes vmstat counters ' +
  'and faults a few new pages. The cgroup sits at its memory.high, so drain_all_stock() runs 50 times a second, ' +
  'and khugepaged\'s lru_add_drain_all() once a second. Under workqueue (5.19) and direct (6.1) the memcg stock ' +
  'drain and the once-a-second vmstat_update land on the loop\'s CPU as kworker wakeups; 6.6 and 6.12 pass the ' +
  'isolated CPU over for both. The LRU drain reaches it on every release: only kernel.pwLocks, the proposed ' +
  'pw_queue_on() series, takes it off.'

export const memcgCgroupLoop: Preset = {
  id: 'memcg-cgroup-loop',
  name: 'A control loop in a memory cgroup',
  description,
  profile: {
    schemaVersion: 1,
    name: 'A control loop in a memory cgroup',
    description,
    machine: { cpus: 4, isolated: '3', memoryGiB: 8 },
    kernel: { antiStarvation: { policy: 'release' } },
    rtTasks: [{
      name: 'cg-loop',
      cpu: 3,
      priority: 80,
      mode: 'periodic',
      periodUs: 500,
      runtimeUs: { dist: 'uniform', minUs: 150, maxUs: 300 },
      allocsPerJob: 4,
      initialPcpPages: 100,
      lruFoliosPerJob: 2,
      dirtiesVmstat: true,
      chargesMemcg: true
    }],
    housekeeping: { allocRatePagesPerSec: 20000, freeRatePagesPerSec: 20000 },
    drainSources: [{ kind: 'memcg', ratePerSec: 50 }, { kind: 'lru', ratePerSec: 1 }, { kind: 'reclaim', ratePerSec: 2 }],
    run: { durationMs: 10000, warmupMs: 100, seriesWindowMs: 100 }
  }
}
