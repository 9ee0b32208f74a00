// The head every results document starts with, in its key order: a run on the pool, a merge of shards, an
// imported measurement and a recovered interrupted run all build it here, so a merge stays byte-identical
// to a one-machine run and no writer forgets the aggregates.
import type { Profile } from '../profile/schema'
import { aggregateJobs } from './aggregate'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from './types'

export function resultsDocumentHead(engineVersion: string, profile: Profile, jobs: JobResult[]): ExperimentResults {
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion, profile, jobs, aggregates: aggregateJobs(jobs) }
}
