// `drainlab serve`: the lab in a browser. Serves the built renderer and LabApi over a WebSocket until
// SIGINT/SIGTERM, then closes connections, cancels runs and stops the worker pool.
import { fileURLToPath } from 'node:url'
import { InvalidArgumentError, type Command } from 'commander'
import { createLabService } from '../../lab/lab-service'
import { labFolderPolicy } from '../../lab/path-policy'
import { startBrowserHost } from '../../serve/browser-host'
import { isLoopbackHost, resolveAccessToken } from '../../serve/access-policy'
import { defaultDataDir } from '../../store/data-dir'

export const DEFAULT_SERVE_PORT = 7357
/** The renderer that `npm run build` (and `prepare` on install) writes, relative to this file. */
const RENDERER_ROOT = fileURLToPath(new URL('../../../out/renderer', import.meta.url))

function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`)
    return n
  }
}

interface ServeOptions {
  host: string
  port: number
  token?: string
  dataDir: string
  jobs?: number
}

function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

async function serve(options: ServeOptions, appVersion: string): Promise<void> {
  // listening before anything is printed: a stop right after the URL appears must still close cleanly
  const stopSignal = untilStopSignal()
  const token = resolveAccessToken(options.host, options.token)
  const lab = createLabService({ dataDir: options.dataDir, jobs: options.jobs, host: 'browser', pathPolicy: labFolderPolicy, appVersion })
  let host
  try {
    host = await startBrowserHost({ host: options.host, port: options.port, token, rendererRoot: RENDERER_ROOT, lab })
  } catch (error) {
    await lab.close()
    throw error
  }
  if (!host.rendererBuilt) {
    process.stderr.write(`drainlab: ${RENDERER_ROOT} does not exist; run \`npm run build\` for the UI (the page explains the same).\n`)
  }
  if (!isLoopbackHost(options.host) && options.token === undefined) {
    process.stdout.write('A token was generated for this non-loopback address; it is part of the URL below.\n')
  }
  process.stdout.write(`Drain Lab is serving at ${host.url}\nData folder: ${options.dataDir}\nPress Ctrl+C to stop.\n`)
  const signal = await stopSignal
  process.stdout.write(`\n${signal}: stopping…\n`)
  await host.close()
  await lab.close()
  process.stdout.write('Stopped.\n')
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the lab to a browser: the built UI plus LabApi over a WebSocket')
    .option('--host <address>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--port <port>', 'TCP port (0: any free port; the URL shows which)', integerOption('--port', 0, 65535), DEFAULT_SERVE_PORT)
    .option('--token <token>', 'access token the page must present (generated for a non-loopback host when not given)')
    .option('--data-dir <dir>', 'where results, history and recent profiles are kept', defaultDataDir())
    .option('--jobs <n>', 'simulation worker threads (default: cores - 1)', integerOption('--jobs', 1, 256))
    .action(async (options: ServeOptions) => serve(options, program.version() ?? '0.0.0'))
}
