// A cyclictest-like periodic control loop: workqueue drains run in its idle gaps and show up as jitter.
import type { Preset } from './preset'

const description =
  'A 1 kHz control loop (~20 % utilisation) on each isolated CPU that allocates a few pages per cycle, so its ' +
  'pcplist keeps refilling and drains keep targeting it. Under workqueue the kworker runs in the idle gaps and drains ' +
  'complete in tens of µs to ms; the loop sees an IPI and, when its wakeup lands in the kworker\'s IRQs-off drain, ' +
  'extra wakeup latency. The direct variants remove both; an allocation that collides with a remote drain takes ' +
  'the buddy fallback instead.'

export const controlLoop1khz: Preset = {
  id: 'control-loop-1khz',
  name: '1 kHz control loop',
  description,
  profile: {
    schemaVersion: 1,
    name: '1 kHz control loop',
    description,
    machine: { cpus: 8, isolated: '2-7', memoryGiB: 16 },
    kernel: { antiStarvation: { policy: 'rt-throttling' } },
    rtTasks: Array.from({ length: 6 }, (_, i) => ({
      name: `loop${i + 2}`,
      cpu: i + 2,
      priority: 90,
      mode: 'periodic' as const,
      periodUs: 1000,
      runtimeUs: { dist: 'uniform' as const, minUs: 150, maxUs: 250 },
      allocsPerJob: 16,
      initialPcpPages: 400
    })),
    housekeeping: { allocRatePagesPerSec: 20000, freeRatePagesPerSec: 20000 },
    drainSources: [{ kind: 'reclaim', ratePerSec: 5 }, { kind: 'compaction', ratePerSec: 1 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
