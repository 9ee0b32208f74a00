// What `drainlab validate` does (commands/validate.ts declares it).
import { issuePlace } from '../../../src-shared/profile/validate'
import { readProfileFile } from '../../store/profile-file'

export async function validateFile(file: string): Promise<void> {
  const checked = await readProfileFile(file)
  if (checked.ok) {
    process.stdout.write('valid\n')
    return
  }
  for (const issue of checked.issues) process.stderr.write(`${issuePlace(issue)}: ${issue.message}\n`)
  process.exitCode = 2
}
