// RT throttling at its default 950 ms / 1 s: the 50 ms stall every second and the ~1 s drain wait.
import type { Preset } from './preset'

const description =
  'The same pollers with the default sched_rt_runtime_us = 950000 / sched_rt_period_us = 1000000. Every poller ' +
  'is throttled for ~50 ms each second even with no drains at all (the deadline misses you see in every variant). ' +
  'Under workqueue a drain that targets an isolated CPU waits for that throttle window, up to ~1 s, and global drains ' +
  'requested meanwhile are skipped; the direct variants finish in microseconds.'

export const pollingDefaultThrottling: Preset = {
  id: 'polling-default-throttling',
  name: 'Polling task, default throttling',
  description,
  profile: {
    schemaVersion: 1,
    name: 'Polling task, default throttling',
    description,
    machine: { cpus: 8, isolated: '2-7', memoryGiB: 16 },
    kernel: { antiStarvation: { policy: 'rt-throttling', runtimeUs: 950000, periodUs: 1000000 } },
    rtTasks: Array.from({ length: 6 }, (_, i) => ({
      name: `poller${i + 2}`,
      cpu: i + 2,
      priority: 95,
      mode: 'polling' as const,
      periodUs: 1000,
      runtimeUs: { dist: 'lognormal' as const, medianUs: 100, sigma: 0.3 },
      deadlineUs: 1000,
      allocsPerJob: 0,
      initialPcpPages: 300
    })),
    housekeeping: { allocRatePagesPerSec: 20000, freeRatePagesPerSec: 20000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 2 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
