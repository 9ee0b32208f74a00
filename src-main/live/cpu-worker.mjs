// Node 20 cannot start a .ts worker: register tsx in the worker thread, then run the TypeScript entry. Runs
// from the sources (tests, `drainlab` through tsx) use this file; the built CLI starts out/cli/live-cpu-worker.js.
import { register } from 'tsx/esm/api'

register()
await import('./cpu-worker.ts')
