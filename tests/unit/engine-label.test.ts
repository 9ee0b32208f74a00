// The results title names the engine: a model run, a live run with its host, measurements with their tool.
import { describe, expect, it } from 'vitest'
import { profileSchema } from '../../src-shared/profile/rules'
import { ENGINE_NAMES, engineLabel, resultsEngine } from '../../src-shared/results/engine-label'
import type { ExperimentResults, LiveRunFacts, RunResult } from '../../src-shared/results/types'

const profile = (engine: 'model' | 'live') => profileSchema.parse({ schemaVersion: 1, machine: { cpus: 2 }, run: { engine } })
const doc = (engine: 'model' | 'live', live?: Partial<LiveRunFacts>): Pick<ExperimentResults, 'engineVersion' | 'profile' | 'jobs' | 'measurement'> => ({
  engineVersion: '0.4.2',
  profile: profile(engine),
  jobs: live === undefined ? [] : [{ id: 'direct-s1', variant: 'direct', seed: 1, sweepPoint: null, status: 'completed', result: { live } as RunResult }]
})

describe('engineLabel', () => {
  it('names the model and its version', () => {
    expect(engineLabel(doc('model'))).toBe('model 0.4.2')
  })

  it('names the live engine and the host it ran on, and says when its isolated CPUs were not', () => {
    const live = { host: { cpuModel: 'AMD EPYC', cpuCount: 2 }, mapping: { isolatedOnIsolated: false, note: '' } } as LiveRunFacts
    expect(engineLabel(doc('live', live))).toBe('live on AMD EPYC, 2 CPUs (not isolated)')
    expect(engineLabel(doc('live'))).toBe('live')
  })

  it('names imported measurements by their tool', () => {
    expect(engineLabel({ ...doc('model'), measurement: { engine: 'measured', tool: 'cyclictest', variantFrom: '', files: [] } })).toBe('measured (cyclictest)')
  })
})

describe('resultsEngine', () => {
  it('tells a model run from a live one, by its live facts or, when every job failed, by the engine its profile asked for', () => {
    const live = { host: { cpuModel: 'AMD EPYC', cpuCount: 2 }, mapping: { isolatedOnIsolated: false, note: '' } } as LiveRunFacts
    expect(ENGINE_NAMES[resultsEngine(doc('model'))]).toBe('model engine')
    expect(ENGINE_NAMES[resultsEngine(doc('live', live))]).toBe('live engine')
    expect(resultsEngine({ ...doc('model'), jobs: doc('live', live).jobs })).toBe('live')
    expect(resultsEngine(doc('live'))).toBe('live')
  })

  it('measurements are neither engine', () => {
    expect(resultsEngine({ ...doc('model'), measurement: { engine: 'host', tool: 'drainlab probe', variantFrom: '', files: [] } })).toBe('host')
  })
})
