// The finding of engine 0.6 (docs/model.md §10): from 6.0 a CMA allocation's pcp drain no longer needs the
// isolated CPU, but the lru_cache_disable() that follows it still queues work there when the loop leaves folios.
import type { Preset } from './preset'

const description =
  'A polling loop (DPDK-like) on isolated CPU 3 that faults one new anonymous page per work item, next to a ' +
  'driver making CMA allocations 5 times a second. alloc_contig_range() drains the pcplists, then migrates with ' +
  'lru_cache_disable(), which queues lru_add_drain_per_cpu on every CPU with folios in its LRU batches. Under ' +
  'workqueue (5.19) the pcp drain already waits for the loop\'s CPU; under the direct variants (6.0+) it completes ' +
  'at once, and the CMA allocation waits on the LRU flush instead — until RT throttling (to 6.11) or the fair ' +
  'server (6.12) lets the kworker run. Set kernel.pwLocks to see the proposed pw_queue_on() series remove the wait.'

export const cmaLruPolling: Preset = {
  id: 'cma-lru-polling',
  name: 'CMA next to a polling loop: the LRU flush',
  description,
  profile: {
    schemaVersion: 1,
    name: 'CMA next to a polling loop: the LRU flush',
    description,
    machine: { cpus: 4, isolated: '3', memoryGiB: 4 },
    kernel: { antiStarvation: { policy: 'release' } },
    rtTasks: [{
      name: 'poll-loop',
      cpu: 3,
      priority: 50,
      mode: 'polling',
      periodUs: 50,
      runtimeUs: 10,
      initialPcpPages: 200,
      lruFoliosPerJob: 1,
      dirtiesVmstat: true
    }],
    housekeeping: { allocRatePagesPerSec: 20000, freeRatePagesPerSec: 20000 },
    drainSources: [{ kind: 'cma', ratePerSec: 5 }],
    run: { durationMs: 4000, warmupMs: 100 }
  }
}
