// Whether bin/drainlab.mjs may run the JavaScript build in out/cli (vite.cli.config.ts writes it at npm install
// and npm run build). A build older than its sources would run old code without a word, which is worse than a
// slow start: the build lists the files it was made from and when it started reading them (out/cli/sources.json),
// and one file saved since, or gone, makes it stale (153 files: 7–12 ms measured on a loaded 2-CPU machine).
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const BUILT_CLI_DIR = join('out', 'cli')

/** null when out/cli under `root` is current, else why it cannot be used (one short clause). */
export function builtCliProblem(root) {
  let list
  try {
    list = JSON.parse(readFileSync(join(root, BUILT_CLI_DIR, 'sources.json'), 'utf8'))
  } catch {
    return `there is no build in ${BUILT_CLI_DIR}`
  }
  for (const file of list.files) {
    let modifiedMs
    try {
      modifiedMs = statSync(join(root, file)).mtimeMs
    } catch {
      return `${file}, part of the build in ${BUILT_CLI_DIR}, is gone`
    }
    if (modifiedMs >= list.startedAtMs) return `${file} changed after the build in ${BUILT_CLI_DIR}`
  }
  return null
}
