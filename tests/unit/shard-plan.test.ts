// The shard assignment of `drainlab run --shard i/n`: every job in exactly one shard, in plan order,
// the same on every call, and balanced by the event estimate.
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import { estimateJobEvents } from '../../src-shared/profile/estimate'
import { planExperiment, type PlannedJob } from '../../src-shared/profile/experiment-plan'
import { assignShards, shardJobs } from '../../src-shared/profile/shard-plan'

/** A sweep whose points differ 16-fold in cost: run.durationMs 250 … 4000 ms, 2 variants × 3 seeds each. */
function unevenPlan(): PlannedJob[] {
  const checked = validateProfile({
    schemaVersion: 1,
    machine: { cpus: 8, isolated: '4-7' },
    kernel: { variants: ['workqueue', 'direct'] },
    rtTasks: [{ name: 'loop', cpu: 7, mode: 'periodic', periodUs: 1000, runtimeUs: 200, allocsPerJob: 2 }],
    run: { seeds: [1, 2, 3] },
    sweep: { parameters: [{ path: 'run.durationMs', values: [250, 500, 1000, 2000, 4000] }] }
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const plan = planExperiment(checked.profile)
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues))
  return plan.jobs
}

function loads(jobs: readonly PlannedJob[], shards: number[][]): number[] {
  return shards.map((s) => s.reduce((sum, i) => sum + estimateJobEvents(jobs[i].profile), 0))
}

describe('shard assignment', () => {
  const jobs = unevenPlan()

  it('puts every job in exactly one shard, each shard in plan order', () => {
    for (const n of [1, 2, 3, 4, 7, 30, 31]) {
      const shards = assignShards(jobs, n)
      expect(shards).toHaveLength(n)
      expect(shards.flat().sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i))
      for (const s of shards) expect(s).toEqual([...s].sort((a, b) => a - b))
    }
  })

  it('is deterministic: the same plan gives the same shards, from a freshly planned copy too', () => {
    expect(assignShards(unevenPlan(), 4)).toEqual(assignShards(jobs, 4))
    expect(shardJobs(jobs, { index: 2, count: 4 }).map((j) => j.id)).toEqual(assignShards(jobs, 4)[2].map((i) => jobs[i].id))
  })

  it('is balanced: no shard is over the others by more than its largest job (the LPT bound)', () => {
    const largest = Math.max(...jobs.map((j) => estimateJobEvents(j.profile)))
    for (const n of [2, 3, 4, 5]) {
      const load = loads(jobs, assignShards(jobs, n))
      expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(largest)
    }
    // 3 shards of 30 jobs: each holds a third of the work, within 10 % (contiguous thirds of the plan differ 9-fold)
    const load = loads(jobs, assignShards(jobs, 3))
    const mean = load.reduce((a, b) => a + b, 0) / 3
    for (const l of load) expect(Math.abs(l - mean) / mean).toBeLessThan(0.1)
  })

  it('gives the spare shards nothing when there are more shards than jobs', () => {
    const shards = assignShards(jobs.slice(0, 2), 4)
    expect(shards).toEqual([[0], [1], [], []])
  })
})
