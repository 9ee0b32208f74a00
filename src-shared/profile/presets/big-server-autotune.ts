// A 64-CPU server on 6.7+ with pcp->high auto-tuning: thousands of pages per list make drains heavy.
import type { Preset } from './preset'

const description =
  'A 64-CPU, 64 GiB server with 6.7+ pcp->high auto-tuning (high grows by batch on free bursts up to ' +
  'high_max = managed / 8 / CPUs and decays by 1/8 a second) and a third of the cached pages in THP-sized ' +
  'entries. Housekeeping CPUs free a little more than they allocate, so their lists grow to thousands of pages; ' +
  'every global drain then frees far more per CPU. Compare direct with direct-chunked: 6.10 bounds one ' +
  'pcp->lock hold to batch << 5 = 2016 pages at the price of more lock round trips.'

export const bigServerAutotune: Preset = {
  id: 'big-server-autotune',
  name: 'Big server, 6.7+ auto-tuned high',
  description,
  profile: {
    schemaVersion: 1,
    name: 'Big server, 6.7+ auto-tuned high',
    description,
    machine: { cpus: 64, isolated: '48-63', memoryGiB: 64 },
    kernel: { antiStarvation: { policy: 'fair-server' }, pcp: { autotune: true, thpFraction: 0.3 } },
    rtTasks: Array.from({ length: 16 }, (_, i) => ({
      name: `worker${i + 48}`,
      cpu: i + 48,
      priority: 50,
      mode: 'periodic' as const,
      periodUs: 2000,
      runtimeUs: { dist: 'lognormal' as const, medianUs: 300, sigma: 0.3 },
      allocsPerJob: 32,
      initialPcpPages: 2000
    })),
    housekeeping: { allocRatePagesPerSec: 6000, freeRatePagesPerSec: 9000, initialPcpPages: 4000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 0.5 }, { kind: 'compaction', ratePerSec: 0.2 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
