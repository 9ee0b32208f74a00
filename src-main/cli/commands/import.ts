// drainlab import FILE... [--out DIR] [--name NAME] [--variant V] [--data-dir DIR] [--no-history]
// Reads cyclictest (-h or --json), oslat (summary or --json) and rtla timerlat/osnoise hist output into one
// results document (engine "measured"; docs/measurements.md), writes it with its profile to --out and records
// it in the history like `drainlab run`. Exit 0, 2 when a file is not a measurement (file:line: reason;
// nothing written), 1 when the results could not be written or recorded.
import type { Command } from 'commander'
import type { ImportCommandOptions } from './import-action'

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import cyclictest, oslat or rtla histograms as a measured run (docs/measurements.md)')
    .argument('<files...>', 'measurement files: one job each')
    .option('--out <dir>', 'output folder (default: a new folder here, named after the import and the time); refused when it already holds a run\'s results.json')
    .option('--name <name>', 'the run\'s name (default: the tool and the first file\'s name)')
    .option('--variant <variant>', 'file the runs under this kernel variant (default: the one of the kernel release the file names, else of this machine)')
    .option('--data-dir <dir>', 'the Drain Lab data folder whose run history records this import (default: the platform data folder)')
    .option('--no-history', 'do not record the import in the history')
    .action(async (files: string[], o: ImportCommandOptions) => (await import('./import-action')).importFiles(files, o))
}
