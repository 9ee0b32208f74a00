// A small device with frequent contiguous allocations (camera buffers): many zone drains.
import type { Preset } from './preset'

const description =
  'A 4-CPU, 2 GiB device whose camera driver allocates contiguous buffers all the time: CMA zone drains at 50/s ' +
  'plus compaction. Zone drains never skip; they queue on pcpu_drain_mutex. Under workqueue each one waits for the ' +
  'kworkers, including the one on the isolated CPU running a 2 kHz periodic task; under the direct variants the ' +
  'requester drains every list itself and the periodic task only meets a held pcp->lock when it allocates.'

export const cmaHeavyDevice: Preset = {
  id: 'cma-heavy-device',
  name: 'CMA-heavy device',
  description,
  profile: {
    schemaVersion: 1,
    name: 'CMA-heavy device',
    description,
    machine: { cpus: 4, isolated: '3', memoryGiB: 2, llcShared: true },
    kernel: { antiStarvation: { policy: 'rt-throttling' } },
    rtTasks: [{
      name: 'isp-loop',
      cpu: 3,
      priority: 80,
      mode: 'periodic',
      periodUs: 500,
      runtimeUs: { dist: 'lognormal', medianUs: 120, sigma: 0.4 },
      allocsPerJob: 8,
      initialPcpPages: 200
    }],
    housekeeping: { allocRatePagesPerSec: 15000, freeRatePagesPerSec: 15000 },
    drainSources: [{ kind: 'cma', ratePerSec: 50 }, { kind: 'compaction', ratePerSec: 2 }],
    run: { durationMs: 10000, seriesWindowMs: 100 }
  }
}
