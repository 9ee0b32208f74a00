// What `drainlab import` does (commands/import.ts declares it and its exit codes).
import { join, resolve } from 'node:path'
import { importMeasurements } from '../../lab/measured/import-measurements'
import { slugOf, timeStamp } from '../../lab/run-id'
import { measuredTable } from '../measured-table'
import { historyNoteOfMeasured } from '../record-measured'
import { refuseFinishedRunFolder } from '../out-folder'
import { saveRunFolder } from '../save-run-folder'

export interface ImportCommandOptions {
  out?: string
  name?: string
  variant?: string
  dataDir?: string
  history: boolean
}

export async function importFiles(files: string[], o: ImportCommandOptions): Promise<void> {
  if (o.out !== undefined) await refuseFinishedRunFolder(resolve(o.out))
  const results = await importMeasurements(files, { name: o.name, variant: o.variant })
  const at = new Date()
  const out = resolve(o.out ?? `${slugOf(results.profile.name)}-${timeStamp(at)}`)
  await saveRunFolder(out, results)
  const historyNote = await historyNoteOfMeasured(results, at, o)
  process.stdout.write(`${measuredTable(results)}\n`)
  const m = results.measurement!
  process.stderr.write(`drainlab: imported ${files.length} file${files.length > 1 ? 's' : ''} (${m.tool}) as variant ${results.profile.kernel.variants[0]} from ${m.variantFrom}; results in ${join(out, 'results.json')}${historyNote}\n`)
}
