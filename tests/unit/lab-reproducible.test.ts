import { afterAll, describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import { ENGINE_VERSION } from '../../src-main/engine/version'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { ExperimentRun } from '../../src-main/lab/experiment-run'
import { JobPool } from '../../src-main/lab/pool/job-pool'
import { JobControl } from '../../src-main/lab/pool/job-control'
import { runModel } from '../../src-main/engine/run-model'
import { serializeResults } from '../../src-main/store/results-file'
import { smallExperiment } from '../support/small-experiment'

const pool = new JobPool({ threads: 2 })
afterAll(() => pool.close())

describe('reproducibility', () => {
  it('the same profile and seeds give byte-identical results, two jobs at a time on two workers or one at a time', async () => {
    const checked = validateProfile(smallExperiment('repro', { durationMs: 300, seeds: [5, 1, 3] }))
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    const plan = planExperiment(checked.profile)
    if (!plan.ok) throw new Error('plan')
    const once = async (concurrency: number) => serializeResults((await new ExperimentRun({ runId: 'r', profile: checked.profile, engineVersion: ENGINE_VERSION, jobs: plan.jobs, pool, concurrency }).done).results)
    // two workers interleave the jobs (each worker's JIT and heap state differs); one at a time runs them in plan order
    const [a, b] = [await once(2), await once(1)]
    expect(a.length).toBeGreaterThan(1000)
    expect(b).toBe(a)
  })

  it('a pool worker gives the result runModel gives in this thread, its timeline columns and drain pages included', async () => {
    // the worker hands the timeline over as typed arrays and the pool encodes them (engine/simulated-run.ts)
    const checked = validateProfile(smallExperiment('pool', { durationMs: 300, seeds: [2] }))
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
    const viaPool = await pool.run({ profile: checked.profile, variant: 'direct', seed: 2, control: new JobControl().buffer })
    const here = runModel(checked.profile, 'direct', 2)
    expect(here.timeline?.drainPagesColumns?.count).toBeGreaterThan(0)
    expect(JSON.stringify(viaPool)).toBe(JSON.stringify(here))
  })
})
