// Each release's default anti-starvation under polling tasks: RT throttling as the remote tick charges it up
// to 6.11 (stalls of up to a second every other second), no throttling on 6.12.
import type { Preset } from './preset'

const description =
  'The same pollers with each release\'s default anti-starvation. Up to 6.11 that is RT throttling ' +
  '(sched_rt_runtime_us = 950000 of sched_rt_period_us = 1000000), but with the tick stopped on a nohz_full CPU ' +
  'a polling FIFO task\'s runtime is charged only by the remote tick, once a second: it is throttled at a remote ' +
  'tick, up to a second late, until the next period — a stall of up to a second every other second even with no ' +
  'drains at all (the deadline misses of every variant up to direct-irqon). Under workqueue a drain that targets an ' +
  'isolated CPU waits for such a window and global drains requested meanwhile are skipped. 6.12 (direct-chunked) ' +
  'has no RT throttling: its fair server runs only a starved CFS task, and its remote drains leave the pollers alone.'

export const pollingDefaultThrottling: Preset = {
  id: 'polling-default-throttling',
  name: 'Polling task, default anti-starvation',
  description,
  profile: {
    schemaVersion: 1,
    name: 'Polling task, default anti-starvation',
    description,
    machine: { cpus: 8, isolated: '2-7', memoryGiB: 16 },
    kernel: { antiStarvation: { policy: 'release', runtimeUs: 950000, periodUs: 1000000 } },
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
