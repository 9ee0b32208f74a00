// drainlab export RESULTS.json --format … [--out DIR] — re-export saved results (default DIR: next to the file).
import type { Command } from 'commander'
import type { ExportOptions } from './export-action'

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
    .action(async (file: string, o: ExportOptions) => (await import('./export-action')).exportResults(file, o))
}
