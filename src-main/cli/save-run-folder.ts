// The output folder of a finished run, as drainlab import, probe and merge write it: profile.drainlab.json and
// results.json (and any raw texts the figures come from). A file-system failure is reported as the LabError
// that names the file and the reason; `drainlab run` writes the same two files, but at its start and its end.
import { join } from 'node:path'
import { LabError } from '../../src-shared/api'
import type { ExperimentResults } from '../../src-shared/results/types'
import { writeFileAtomic } from '../store/atomic-write'
import { describedIo, FsFailure } from '../store/fs-failure'
import { makeFolder } from '../store/make-folder'
import { serializeProfile } from '../store/profile-file'
import { writeResultsFile } from '../store/results-file'

/** Writes `results` and its profile into `out` (created), then each of `texts` (file name → content). */
export async function saveRunFolder(out: string, results: ExperimentResults, texts: Readonly<Record<string, string>> = {}): Promise<void> {
  try {
    await describedIo('create the output folder', out, () => makeFolder(out))
    await describedIo('save the profile in', out, () => writeFileAtomic(join(out, 'profile.drainlab.json'), serializeProfile(results.profile)))
    await describedIo('save the results in', out, () => writeResultsFile(join(out, 'results.json'), results))
    for (const [name, text] of Object.entries(texts)) await describedIo(`save ${name} in`, out, () => writeFileAtomic(join(out, name), text))
  } catch (e) {
    throw e instanceof FsFailure ? new LabError('failed', e.message) : e
  }
}
