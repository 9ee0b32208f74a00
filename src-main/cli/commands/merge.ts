// drainlab merge DIR… --out DIR [--data-dir DIR] [--no-history]
// Joins the results folders of `drainlab run --shard i/n` (every i of one n) into one results document,
// identical to a one-machine run of the profile, and records it in the history like `drainlab run`.
// Exit 0 on success, 2 when the shards do not make one run (nothing written), 1 if a merged job had failed.
import type { Command } from 'commander'
import type { MergeOptions } from './merge-action'

export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('join the results folders of drainlab run --shard i/n into one run (docs/scale-out.md)')
    .argument('<dirs...>', 'the shard results folders, each holding a results.json')
    .requiredOption('--out <dir>', 'output folder for the merged results.json and profile; refused when it already holds a run\'s results.json')
    .option('--data-dir <dir>', 'the Drain Lab data folder whose run history records the merged run (default: the platform data folder)')
    .option('--no-history', 'do not record the merged run in the history')
    .action(async (dirs: string[], o: MergeOptions) => (await import('./merge-action')).mergeResults(dirs, o))
}
