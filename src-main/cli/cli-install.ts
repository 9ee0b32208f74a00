// Where the installed package keeps its files, as bin/drainlab.mjs knows it. The CLI cannot work this out from
// its own location: built, its code runs from out/cli/main.js rather than src-main/cli/main.ts.
export interface CliInstall {
  /** the package folder: package.json, out/renderer */
  root: string
  /** the pool's worker entry (a JavaScript file); undefined: the tsx shim next to job-pool.ts, for the sources */
  workerFilename?: string
  /** the live engine's CPU worker entry (a JavaScript file); undefined: the tsx shim beside src-main/live/run-live.ts */
  liveWorkerFilename?: string
}
