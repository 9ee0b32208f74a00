// What `drainlab import` does (commands/import.ts declares it and its exit codes).
import { join, resolve } from 'node:path'
import { LabError } from '../../../src-shared/api'
import { importMeasurements } from '../../lab/measured/import-measurements'
import { recordMeasuredRun } from '../../lab/measured/record-measured-run'
import { slugOf, timeStamp } from '../../lab/run-id'
import { writeFileAtomic } from '../../store/atomic-write'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore } from '../../store/experiment-store'
import { describedIo, FsFailure } from '../../store/fs-failure'
import { makeFolder } from '../../store/make-folder'
import { measuredTable } from '../measured-table'
import { serializeProfile } from '../../store/profile-file'
import { writeResultsFile } from '../../store/results-file'

export interface ImportCommandOptions {
  out?: string
  name?: string
  variant?: string
  dataDir?: string
  history: boolean
}

export async function importFiles(files: string[], o: ImportCommandOptions): Promise<void> {
  const results = await importMeasurements(files, { name: o.name, variant: o.variant })
  const at = new Date()
  const out = resolve(o.out ?? `${slugOf(results.profile.name)}-${timeStamp(at)}`)
  try {
    await describedIo('create the output folder', out, () => makeFolder(out))
    await describedIo('save the profile in', out, () => writeFileAtomic(join(out, 'profile.drainlab.json'), serializeProfile(results.profile)))
    await describedIo('save the results in', out, () => writeResultsFile(join(out, 'results.json'), results))
  } catch (e) {
    throw e instanceof FsFailure ? new LabError('failed', e.message) : e
  }
  let historyNote = ''
  if (o.history) {
    try {
      const runId = await recordMeasuredRun(new ExperimentStore(resolve(o.dataDir ?? defaultDataDir())), results, at)
      historyNote = `; in the history as ${runId}`
    } catch (e) {
      historyNote = `; NOT in the history: ${(e as Error).message}`
      process.exitCode = 1
    }
  }
  process.stdout.write(`${measuredTable(results)}\n`)
  const m = results.measurement!
  process.stderr.write(`drainlab: imported ${files.length} file${files.length > 1 ? 's' : ''} (${m.tool}) as variant ${results.profile.kernel.variants[0]} from ${m.variantFrom}; results in ${join(out, 'results.json')}${historyNote}\n`)
}
