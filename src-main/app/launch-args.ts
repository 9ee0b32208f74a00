// A profile handed to the app by the OS (file association: "open with Drain Lab", or a second launch
// with a file argument) arrives as a command-line argument ending in .drainlab.json.
import { PROFILE_EXTENSION } from '../../src-shared/profile/file-extension'

export function profilePathFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith(PROFILE_EXTENSION)) return arg
  }
  return null
}
