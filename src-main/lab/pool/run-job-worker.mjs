// Node 20 cannot load a .ts worker entry: register tsx in the worker thread, then hand piscina the TS
// entry's handler. The tests and the CLI run from the sources use this file; the built CLI passes
// out/cli/run-job-worker.js and the Electron build electron-vite's bundled entry
// (`./run-job-worker?modulePath`) instead, so nothing here ships in the app.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

// the classes compiled as the build compiles them (tsconfig.base.json: useDefineForClassFields)
register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url)) })
const entry = await import('./run-job-worker.ts')
export default entry.default
