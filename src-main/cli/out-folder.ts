// An output folder (--out) that already holds a finished run is not written over: its results.json would be
// replaced and the run's exports (summary.csv, report.html, …) left beside the new results, one folder mixing
// two runs. A folder with a profile and no results — a run stopped before its end, as a batch system retries
// it into the same folder — is reused.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError } from '../../src-shared/api'

/** Throws when `out` holds a results.json; checked before any work, so nothing runs for a folder refused. */
export async function refuseFinishedRunFolder(out: string): Promise<void> {
  const results = join(out, 'results.json')
  try {
    await stat(results)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return
    throw e
  }
  throw new LabError('invalid-request', `--out ${out}: the folder already holds a run (${results}); writing there would replace its results and mix its files with this run's. Give a new folder, or move that one away first`)
}
