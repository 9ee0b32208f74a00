// What `drainlab export` does (commands/export.ts declares it).
import { dirname, resolve } from 'node:path'
import { parseFormats, parsePositiveInt } from '../cli-arguments'
import { DEFAULT_REPRODUCE_COMMAND } from '../../lab/export/export-results'
import { writeExports } from '../../lab/export/write-exports'
import { readResultsFile } from '../../store/results-file'

export interface ExportOptions {
  format: string
  out?: string
  width?: string
  height?: string
  dpi?: string
}

export async function exportResults(file: string, o: ExportOptions): Promise<void> {
  const formats = parseFormats(o.format)
  const image = {
    width: o.width === undefined ? undefined : parsePositiveInt(o.width, '--width'),
    height: o.height === undefined ? undefined : parsePositiveInt(o.height, '--height'),
    dpi: o.dpi === undefined ? undefined : parsePositiveInt(o.dpi, '--dpi')
  }
  // an unreadable or invalid document throws a LabError (exit 2, one line per problem) before anything is written
  const results = await readResultsFile(file)
  const out = resolve(o.out ?? dirname(file))
  const written = await writeExports(results, formats, out, { ...image, command: DEFAULT_REPRODUCE_COMMAND })
  for (const path of written) process.stdout.write(`${path}\n`)
}
