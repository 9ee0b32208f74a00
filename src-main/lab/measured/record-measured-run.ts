// A measured document enters the history as `drainlab run` records a run (profile first, then results and
// the index entry), so it opens in History, Results and Compare like any run.
import type { ExperimentResults } from '../../../src-shared/results/types'
import type { ExperimentStore } from '../../store/experiment-store'
import { RunIdTakenError } from '../../store/experiment-store'
import { newRunId } from '../run-id'

const MAX_RUN_ID_DRAWS = 16

/** The run id it is recorded under. */
export async function recordMeasuredRun(store: ExperimentStore, results: ExperimentResults, at: Date): Promise<string> {
  for (let draw = 0; ; draw++) {
    const runId = newRunId(results.profile.name, at)
    try {
      await store.beginRun(runId, results.profile, at)
    } catch (e) {
      // two imports in one second under one name drew the same 4 hex digits: draw again
      if (e instanceof RunIdTakenError && draw < MAX_RUN_ID_DRAWS) continue
      throw e
    }
    await store.saveResults(runId, results, 'completed', at.toISOString())
    return runId
  }
}
