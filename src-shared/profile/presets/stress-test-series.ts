// The stress test of the "Drain remote per-cpu directly" series: ~100 drains a second, busy housekeeping CPUs.
import type { Preset } from './preset'

const description =
  'About 100 global drains a second (the rate the series was tested with) while every housekeeping CPU allocates ' +
  'and frees pages hard, with oslat-style pollers on the isolated CPUs under default RT throttling. Compare the CPU ' +
  'time all drains cost (workqueue pays a kworker wake-up and two context switches on every target; direct pays ' +
  'cold cache lines on the requester), the fast-path overhead every CPU pays in the spinlock designs, and how many ' +
  'global drains workqueue silently skips while one waits for an isolated CPU.'

export const stressTestSeries: Preset = {
  id: 'stress-test-series',
  name: 'Stress test from the series',
  description,
  profile: {
    schemaVersion: 1,
    name: 'Stress test from the series',
    description,
    machine: { cpus: 16, isolated: '8-15', memoryGiB: 16 },
    kernel: { antiStarvation: { policy: 'rt-throttling' } },
    rtTasks: Array.from({ length: 8 }, (_, i) => ({
      name: `oslat${i + 8}`,
      cpu: i + 8,
      priority: 95,
      mode: 'polling' as const,
      periodUs: 1000,
      runtimeUs: { dist: 'lognormal' as const, medianUs: 50, sigma: 0.3 },
      initialPcpPages: 250
    })),
    housekeeping: { allocRatePagesPerSec: 50000, freeRatePagesPerSec: 50000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 100 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
