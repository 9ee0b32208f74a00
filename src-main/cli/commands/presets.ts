// drainlab presets — the built-in experiments, one line each: id, name, what it shows.
import type { Command } from 'commander'

export function registerPresetsCommand(program: Command): void {
  program
    .command('presets')
    .description('list the built-in experiment presets')
    // loaded on use, like every command's work: `drainlab --version` and `--help` load none of it
    .action(async () => (await import('./presets-action')).listPresets())
}
