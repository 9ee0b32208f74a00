// drainlab import and probe record their measured run in the history like a simulated one; a history that
// cannot take it is said on the closing line and makes the exit code 1, the results folder being written.
import { resolve } from 'node:path'
import type { ExperimentResults } from '../../src-shared/results/types'
import { recordMeasuredRun } from '../lab/measured/record-measured-run'
import { defaultDataDir } from '../store/data-dir'
import { ExperimentStore } from '../store/experiment-store'

/** The closing line's note: "; in the history as ID", "; NOT in the history: why", or "" with --no-history. */
export async function historyNoteOfMeasured(results: ExperimentResults, at: Date, o: { history: boolean; dataDir?: string }): Promise<string> {
  if (!o.history) return ''
  try {
    return `; in the history as ${await recordMeasuredRun(new ExperimentStore(resolve(o.dataDir ?? defaultDataDir())), results, at)}`
  } catch (e) {
    process.exitCode = 1
    return `; NOT in the history: ${(e as Error).message}`
  }
}
