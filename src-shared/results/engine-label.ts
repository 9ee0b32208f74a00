// Which engine produced a results document, in a few words for a title line: the model (with its version),
// the live engine (and the host it ran on — its numbers are that machine's), or imported measurements.
import type { ExperimentResults } from './types'

export function engineLabel(results: Pick<ExperimentResults, 'engineVersion' | 'profile' | 'jobs' | 'measurement'>): string {
  if (results.measurement !== undefined) return `${results.measurement.engine} (${results.measurement.tool})`
  const live = results.jobs.find((j) => j.result?.live !== undefined)?.result?.live
  if (live !== undefined) {
    return `live on ${live.host.cpuModel}, ${live.host.cpuCount} CPUs${live.mapping.isolatedOnIsolated ? '' : ' (not isolated)'}`
  }
  return results.profile.run.engine === 'live' ? 'live' : `model ${results.engineVersion}`
}
