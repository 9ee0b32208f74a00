// An ExperimentResults document of synthetic runs (see synthetic-run.ts), for chart and export tests.
import { validateProfile } from '../../../src-shared/profile/validate'
import { aggregateJobs } from '../../../src-shared/results/aggregate'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../../src-shared/results/types'
import { syntheticRun } from './synthetic-run'

export function syntheticResults(withSweep = false): ExperimentResults {
  const checked = validateProfile({
    schemaVersion: 1,
    name: 'Synthetic',
    machine: { cpus: 4, isolated: '3' },
    kernel: { variants: ['workqueue', 'direct'] },
    run: { seeds: [1, 2] },
    ...(withSweep ? { sweep: { parameters: [{ path: 'kernel.pcp.high', values: [100, 1000] }] } } : {})
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const profile = checked.profile
  const points = withSweep ? [100, 1000].map((high) => ({ values: { 'kernel.pcp.high': high } })) : [null]
  const jobs: JobResult[] = []
  points.forEach((point, p) => {
    for (const variant of profile.kernel.variants) {
      for (const seed of profile.run.seeds) {
        const scale = (variant === 'workqueue' ? 3 : 1) * (point === null ? 1 : p + 1)
        jobs.push({ id: `${point ? `p${p}-` : ''}${variant}-s${seed}`, variant, seed, sweepPoint: point, status: 'completed', result: syntheticRun(variant, seed, scale) })
      }
    }
  })
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'synthetic', profile, jobs, aggregates: aggregateJobs(jobs) }
}
