// drainlab export RESULTS.json --format … [--out DIR] — re-export saved results (default DIR: next to the file).
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { parseFormats, parsePositiveInt } from '../cli-arguments'
import { DEFAULT_REPRODUCE_COMMAND } from '../../lab/export/export-results'
import { writeExports } from '../../lab/export/write-exports'
import { readResultsFile } from '../../store/results-file'

interface ExportOptions {
  format: string
  out?: string
  width?: string
  height?: string
  dpi?: string
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export saved results (results.json) as charts, tables, a trace or a report')
    .argument('<results>', 'a results.json written by drainlab run or the app')
    .requiredOption('--format <list>', 'comma-separated: json,csv,png,svg,html,trace')
    .option('--out <dir>', 'where to write (default: the folder of the results file)')
    .option('--width <px>', 'chart width in CSS pixels (default 1000)')
    .option('--height <px>', 'chart height in CSS pixels (default 500)')
    .option('--dpi <n>', 'PNG pixels per inch; 96 = 1 pixel per CSS pixel (default 96)')
    .action(async (file: string, o: ExportOptions) => {
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
    })
}
