// The JavaScript build the benches measure (out/cli: what `npx drainlab` and the app's pool workers run),
// rebuilt from the current sources first so that a bench never times old code.
import { join } from 'node:path'
import { build } from 'vite'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The pool worker's entry in the build: what JobPool runs for `drainlab run` and `drainlab serve`. */
export const BUILT_WORKER = join(ROOT, 'out', 'cli', 'run-job-worker.js')

export async function rebuildCli(): Promise<void> {
  await build({ configFile: join(ROOT, 'vite.cli.config.ts'), logLevel: 'warn' })
}
