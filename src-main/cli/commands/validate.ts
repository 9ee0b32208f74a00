// drainlab validate FILE — exit 0 and "valid", or exit 2 with one "path: message" line per problem on stderr.
import type { Command } from 'commander'
import { issuePlace } from '../../../src-shared/profile/validate'
import { readProfileFile } from '../../store/profile-file'

export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a *.drainlab.json profile')
    .argument('<file>', 'the profile to check')
    .action(async (file: string) => {
      const checked = await readProfileFile(file)
      if (checked.ok) {
        process.stdout.write('valid\n')
        return
      }
      for (const issue of checked.issues) process.stderr.write(`${issuePlace(issue)}: ${issue.message}\n`)
      process.exitCode = 2
    })
}
