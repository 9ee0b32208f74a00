// Which engine produced a results document: its kind, named the same way in the Results title, the History rows
// and the Compare columns ("model engine", "live engine"), and in a few more words for a title line: the model
// (with its version), the live engine (and the host it ran on — its numbers are that machine's), or imported
// measurements.
import type { ExperimentResults } from './types'

export const RESULTS_ENGINES = ['model', 'live', 'measured', 'host'] as const
export type ResultsEngine = (typeof RESULTS_ENGINES)[number]

export const ENGINE_NAMES: Readonly<Record<ResultsEngine, string>> = {
  model: 'model engine',
  live: 'live engine',
  measured: 'imported measurements',
  host: 'measured on this host'
}

type EngineFacts = Pick<ExperimentResults, 'engineVersion' | 'profile' | 'jobs' | 'measurement'>

const liveFactsOf = (results: EngineFacts) => results.jobs.find((j) => j.result?.live !== undefined)?.result?.live

/** A run whose jobs all failed has no live facts: its profile still says which engine it asked for. */
export function resultsEngine(results: EngineFacts): ResultsEngine {
  if (results.measurement !== undefined) return results.measurement.engine
  return liveFactsOf(results) !== undefined || results.profile.run.engine === 'live' ? 'live' : 'model'
}

export function engineLabel(results: EngineFacts): string {
  if (results.measurement !== undefined) return `${results.measurement.engine} (${results.measurement.tool})`
  const live = liveFactsOf(results)
  if (live !== undefined) {
    return `live on ${live.host.cpuModel}, ${live.host.cpuCount} CPUs${live.mapping.isolatedOnIsolated ? '' : ' (not isolated)'}`
  }
  return results.profile.run.engine === 'live' ? 'live' : `model ${results.engineVersion}`
}
