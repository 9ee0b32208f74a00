// A 64-CPU server on 6.7+ with pcp->high auto-tuning: thousands of pages per list make drains heavy.
import type { Preset } from './preset'

const description =
  'A 64-CPU, 64 GiB server with 6.7+ pcp->high auto-tuning forced on for every variant (high grows with each ' +
  'refill, nr_pcp_alloc(), up to high_max = managed / 8 / CPUs, is raised to free_count + batch when frees reach ' +
  'it, nr_pcp_high(), and decays by an eighth a second, decay_pcp_high()) and a third of the cached pages in ' +
  'THP-sized entries. The realtime workers start with 2000 pages each and allocate 32 per job, so refills raise ' +
  'their high and every global drain frees thousands of pages per CPU. Compare direct with direct-chunked: 6.10 ' +
  'bounds one pcp->lock hold to batch << 5 = 2016 pages at the price of more lock round trips.'

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
