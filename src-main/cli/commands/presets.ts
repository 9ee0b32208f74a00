// drainlab presets — the built-in experiments, one line each: id, name, what it shows; `drainlab presets ID`
// prints one preset's whole description.
import type { Command } from 'commander'

export function registerPresetsCommand(program: Command): void {
  program
    .command('presets')
    .argument('[id]', "a preset's id: print its whole description")
    .description('list the built-in experiment presets (one line each), or describe one')
    // loaded on use, like every command's work: `drainlab --version` and `--help` load none of it
    .action(async (id?: string) => {
      const action = await import('./presets-action')
      if (id === undefined) action.listPresets()
      else action.describePreset(id)
    })
}
