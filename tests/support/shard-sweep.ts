// The small sweep the scale-out tests shard: 4 CPUs, 300 ms simulated, 2 sweep points × 2 variants × 2
// seeds = 8 jobs, a few seconds of engine work in all.
import { smallExperiment } from './small-experiment'

export const SHARD_SWEEP = {
  ...smallExperiment('Shard sweep', { durationMs: 300, seeds: [1, 2] }),
  sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 500] }] }
}
