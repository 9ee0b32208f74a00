// `drainlab serve`: the lab in a browser. Serves the built renderer and LabApi over a WebSocket until
// SIGINT/SIGTERM, then closes connections, cancels runs and stops the worker pool.
import { InvalidArgumentError, type Command } from 'commander'
import { defaultDataDir } from '../../store/data-dir'
import type { CliInstall } from '../cli-install'
import type { ServeOptions } from './serve-action'

export const DEFAULT_SERVE_PORT = 7357

function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`)
    return n
  }
}

export function registerServeCommand(program: Command, install: CliInstall): void {
  program
    .command('serve')
    .description('serve the lab to a browser: the built UI plus LabApi over a WebSocket')
    .option('--host <address>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--port <port>', 'TCP port (0: any free port; the URL shows which)', integerOption('--port', 0, 65535), DEFAULT_SERVE_PORT)
    .option('--token <token>', 'access token the page must present (generated for a non-loopback host when not given)')
    .option('--data-dir <dir>', 'where results, history and recent profiles are kept', defaultDataDir())
    .option('--jobs <n>', 'simulation worker threads (default: cores - 1)', integerOption('--jobs', 1, 256))
    .action(async (options: ServeOptions) => (await import('./serve-action')).serve(options, program.version() ?? '0.0.0', install))
}
