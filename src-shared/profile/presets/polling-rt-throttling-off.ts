// The case that motivated the series: busy-polling FIFO tasks on isolated CPUs with RT throttling off.
import type { Preset } from './preset'

const description =
  'DPDK/oslat-style pollers on isolated nohz_full CPUs 4-15 with sched_rt_runtime_us = -1, a few hundred pages ' +
  'left on each isolated pcplist, and reclaim asking for a global drain about once a second. Under workqueue the ' +
  'first drain that targets an isolated CPU queues a kworker that never runs: the drain stalls forever, holds ' +
  'pcpu_drain_mutex, and every later global drain is skipped while pages stay stranded. The direct variants drain ' +
  'the isolated lists remotely in microseconds without touching the pollers.'

export const pollingRtThrottlingOff: Preset = {
  id: 'polling-rt-throttling-off',
  name: 'Polling task, RT throttling off',
  description,
  profile: {
    schemaVersion: 1,
    name: 'Polling task, RT throttling off',
    description,
    machine: { cpus: 16, isolated: '4-15', memoryGiB: 16 },
    kernel: { antiStarvation: { policy: 'none' } },
    rtTasks: Array.from({ length: 12 }, (_, i) => ({
      name: `poller${i + 4}`,
      cpu: i + 4,
      priority: 95,
      mode: 'polling' as const,
      periodUs: 1000,
      runtimeUs: { dist: 'lognormal' as const, medianUs: 100, sigma: 0.3 },
      deadlineUs: 500,
      initialPcpPages: 300
    })),
    housekeeping: { allocRatePagesPerSec: 20000, freeRatePagesPerSec: 20000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 1 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
