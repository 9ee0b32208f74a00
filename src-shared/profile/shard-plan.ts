// Which jobs of an experiment plan one shard of a scaled-out run takes (`drainlab run --shard i/n`).
// The assignment is longest-processing-time greedy by the profile's event estimate: jobs sorted by
// estimate, largest first (plan order breaks ties), each given to the shard with the least estimated work
// so far (the lowest shard index breaks ties). A sweep's points can differ a hundredfold in cost, so a
// round-robin by index could leave one shard with all the long jobs; LPT keeps every shard within one
// job of the others' work. It depends only on the plan, so every machine of a cluster computes the same
// assignment with no coordination, and `drainlab merge` recomputes it to check each shard.
import { estimateJobEvents } from './estimate'
import type { PlannedJob } from './experiment-plan'

export interface ShardSpec {
  /** 0-based */
  index: number
  count: number
}

/** For each shard, the plan indices of its jobs, ascending (plan order). */
export function assignShards(jobs: readonly PlannedJob[], count: number): number[][] {
  const order = jobs
    .map((job, planIndex) => ({ planIndex, events: estimateJobEvents(job.profile) }))
    .sort((a, b) => b.events - a.events || a.planIndex - b.planIndex)
  const load = new Array<number>(count).fill(0)
  const shards: number[][] = Array.from({ length: count }, () => [])
  for (const { planIndex, events } of order) {
    let least = 0
    for (let s = 1; s < count; s++) if (load[s] < load[least]) least = s
    load[least] += events
    shards[least].push(planIndex)
  }
  for (const shard of shards) shard.sort((a, b) => a - b)
  return shards
}

/** The jobs of one shard, in plan order. */
export function shardJobs(jobs: readonly PlannedJob[], shard: ShardSpec): PlannedJob[] {
  return assignShards(jobs, shard.count)[shard.index].map((i) => jobs[i])
}
