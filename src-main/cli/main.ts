// The drainlab command. Each subcommand lives in commands/<name>.ts and registers itself on the
// program; adding one is an import and a call below.
//
// A command file declares its arguments and help; its work is in commands/<name>-action.ts, loaded only when
// the command runs, so `--version` and `--help` load commander and nothing else (loading zod or
// @napi-rs/canvas costs ~0.12 s of CPU here, ws ~0.08 s, commander ~0.03 s).
//
// Exit codes: a command sets process.exitCode (0 ok, 1 a run failed, 2 invalid input) or throws.
// Usage errors (unknown option, missing argument) are invalid input: 2. A LabError thrown by a command
// is printed as its message, 2 for invalid input and 1 otherwise.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command, CommanderError } from 'commander'
import type { CliInstall } from './cli-install'
import { registerExportCommand } from './commands/export'
import { registerHistoryCommand } from './commands/history'
import { registerImportCommand } from './commands/import'
import { registerMergeCommand } from './commands/merge'
import { registerPresetsCommand } from './commands/presets'
import { registerProbeCommand } from './commands/probe'
import { registerRunCommand } from './commands/run'
import { registerServeCommand } from './commands/serve'
import { registerValidateCommand } from './commands/validate'
import { registerVariantsCommand } from './commands/variants'

/** The version in package.json: one source of truth for the CLI, the app and the results documents. */
function packageVersion(install: CliInstall): string {
  const manifest = JSON.parse(readFileSync(join(install.root, 'package.json'), 'utf8')) as { version: string }
  return manifest.version
}

export function buildProgram(install: CliInstall): Command {
  const program = new Command('drainlab')
    .description('Drain Lab: simulate per-CPU page list draining and its effect on realtime tasks')
    .version(packageVersion(install), '-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride()
  program.configureOutput({
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text)
  })
  registerPresetsCommand(program)
  registerVariantsCommand(program)
  registerValidateCommand(program)
  registerRunCommand(program, install)
  registerExportCommand(program)
  registerMergeCommand(program)
  registerServeCommand(program, install)
  registerHistoryCommand(program)
  registerImportCommand(program)
  registerProbeCommand(program)
  return program
}

async function exitCodeFor(error: unknown): Promise<number> {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
  // loaded here, not at the top: they bring zod, which `--version` does not need
  const [{ LabError }, { issuePlace }] = await Promise.all([import('../../src-shared/api'), import('../../src-shared/profile/validate')])
  if (error instanceof LabError) {
    process.stderr.write(`drainlab: ${error.message}\n`)
    for (const issue of error.issues ?? []) process.stderr.write(`${issuePlace(issue)}: ${issue.message}\n`)
    return error.code === 'invalid-request' || error.code === 'invalid-profile' ? 2 : 1
  }
  process.stderr.write(`drainlab: ${error instanceof Error ? error.message : String(error)}\n`)
  return 1
}

export async function main(argv: string[], install: CliInstall): Promise<number> {
  const program = buildProgram(install)
  try {
    await program.parseAsync(argv)
  } catch (error) {
    return await exitCodeFor(error)
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0
}
