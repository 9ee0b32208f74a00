// drainlab validate FILE — exit 0 and "valid", or exit 2 with one "path: message" line per problem on stderr.
import type { Command } from 'commander'

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a *.drainlab.json profile')
    .argument('<file>', 'the profile to check')
    .action(async (file: string) => (await import('./validate-action')).validateFile(file))
}
