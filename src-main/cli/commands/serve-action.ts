// What `drainlab serve` does (commands/serve.ts declares it).
import { join } from 'node:path'
import { createLabService } from '../../lab/lab-service'
import { labFolderPolicy } from '../../lab/path-policy'
import { startBrowserHost } from '../../serve/browser-host'
import { isLoopbackHost, resolveAccessToken } from '../../serve/access-policy'
import type { CliInstall } from '../cli-install'

export interface ServeOptions {
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

export async function serve(options: ServeOptions, appVersion: string, install: CliInstall): Promise<void> {
  // listening before anything is printed: a stop right after the URL appears must still close cleanly
  const stopSignal = untilStopSignal()
  const token = resolveAccessToken(options.host, options.token)
  // the renderer that `npm run build` (and `prepare` on install) writes
  const rendererRoot = join(install.root, 'out', 'renderer')
  const lab = createLabService({
    dataDir: options.dataDir, jobs: options.jobs, host: 'browser', pathPolicy: labFolderPolicy, appVersion, workerFilename: install.workerFilename, liveWorkerFilename: install.liveWorkerFilename
  })
  let host
  try {
    host = await startBrowserHost({ host: options.host, port: options.port, token, rendererRoot, lab })
  } catch (error) {
    await lab.close()
    throw error
  }
  if (!host.rendererBuilt) {
    process.stderr.write(`drainlab: ${rendererRoot} does not exist; run \`npm run build\` for the UI (the page explains the same).\n`)
  }
  if (!isLoopbackHost(options.host) && options.token === undefined) {
    process.stdout.write('A token was generated for this non-loopback address; it is part of the URL below.\n')
  }
  process.stdout.write(`Drain Lab is serving at ${host.url}\n`)
  for (const url of host.addressUrls) process.stdout.write(`  also at ${url}\n`)
  process.stdout.write(`Data folder: ${options.dataDir}\nPress Ctrl+C to stop.\n`)
  const signal = await stopSignal
  process.stdout.write(`\n${signal}: stopping…\n`)
  await host.close()
  await lab.close()
  process.stdout.write('Stopped.\n')
}
