// Node 20 cannot start a .ts worker: register tsx in the worker thread, then run the TypeScript entry. Runs
// from the sources (tests, `drainlab` through tsx) use this file; the built CLI starts out/cli/live-cpu-worker.js.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

// the classes compiled as the build compiles them (tsconfig.base.json: useDefineForClassFields)
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) })
await import('./cpu-worker.ts')
