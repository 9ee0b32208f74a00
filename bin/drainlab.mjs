#!/usr/bin/env node
// The drainlab command. It runs the JavaScript build in out/cli (written at npm install and by npm run build),
// which starts several times faster than compiling the TypeScript sources through tsx. It runs the sources
// through tsx instead when DRAINLAB_FROM_SOURCES=1 (the tests set it), and, with a one-line note, when the build
// is missing or stale (bin/built-cli.mjs), so a developer never runs old code unknowingly.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUILT_CLI_DIR, builtCliProblem } from './built-cli.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const fromSources = process.env.DRAINLAB_FROM_SOURCES === '1'
const problem = fromSources ? null : builtCliProblem(root)

if (!fromSources && problem === null) {
  const { main } = await import('../out/cli/main.js')
  // the pool's workers run the built worker too: no tsx anywhere in a built run
  process.exitCode = await main(process.argv, {
    root,
    workerFilename: join(root, BUILT_CLI_DIR, 'run-job-worker.js'),
    liveWorkerFilename: join(root, BUILT_CLI_DIR, 'live-cpu-worker.js')
  })
} else {
  if (problem !== null) process.stderr.write(`drainlab: running from the sources through tsx (slower start): ${problem}; npm run build updates it\n`)
  const { register } = await import('tsx/esm/api')
  // the classes compiled as the build compiles them (tsconfig.base.json: useDefineForClassFields)
  register({ tsconfig: join(root, 'tsconfig.node.json') })
  const { main } = await import('../src-main/cli/main.ts')
  process.exitCode = await main(process.argv, { root })
}
