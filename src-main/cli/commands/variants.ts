// drainlab variants [FILE] — what each kernel variant includes (its release and traits), with a profile's
// overrides applied when one is given.
import type { Command } from 'commander'

export function registerVariantsCommand(program: Command): void {
  program
    .command('variants')
    .argument('[file]', 'a *.drainlab.json profile: show its variants, with its kernel.pcp overrides')
    .description('show what each kernel variant includes: its release, drain path, locking and pcp tuning')
    .action(async (file?: string) => (await import('./variants-action')).printVariants(file))
}
