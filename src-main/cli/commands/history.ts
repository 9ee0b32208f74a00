// drainlab history [--data-dir DIR] [--json]          the recorded runs, newest first
// drainlab history show ID [--data-dir DIR] [--json]  one run: its entry, where its files are, its summary table
// Scripts read these instead of the store's files (whose layout is the lab's business). Like the app, the
// command first recovers what a killed run left behind (see lab/recover-interrupted-runs.ts).
// Exit 0, 2 for an id that is not a run id, 1 for a run that is not recorded.
import type { Command } from 'commander'
import type { HistoryOptions } from './history-action'

export function registerHistoryCommand(program: Command): void {
  const history = program
    .command('history')
    .description('list the recorded runs, newest first (show ID for one run)')
    .option('--data-dir <dir>', 'the Drain Lab data folder (default: the platform data folder)')
    .option('--json', 'print JSON (the history entries) instead of a table')
    .action(async (o: HistoryOptions) => (await import('./history-action')).listHistory(o))

  history
    .command('show')
    .description('one recorded run: its entry, its files and its summary table')
    .argument('<id>', 'a run id, as `drainlab history` lists it')
    // history's own options reach it wherever they stand (commander reads a parent's options first)
    .addHelpText('after', '\nOptions of history apply: --data-dir <dir>, --json (prints { entry, folder, profile, results }: the entry and file paths).')
    .action(async (id: string) => (await import('./history-action')).showRun(id, history.opts<HistoryOptions>()))
}
