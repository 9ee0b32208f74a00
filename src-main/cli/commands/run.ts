// drainlab run (FILE | --preset NAME) [--variants a,b] [--seeds 1,2,3] [--duration 10s] [--set path=value]…
//   [--jobs N] [--out DIR] [--format json,csv,png,svg,html,trace] [--data-dir DIR] [--no-history] [--shard i/n]
//   [--calibration PROBE-RESULTS.json] [--engine model|live] [--timings]
// Exit 0 on success, 2 on invalid input (nothing written), 1 if a job failed, 130 after Ctrl-C (completed
// jobs and the partial ones are written, the results marked partial).
import type { Command } from 'commander'
import type { JobPool } from '../../lab/pool/job-pool'
import type { CliInstall } from '../cli-install'
import type { RunOptions } from './run-action'

/**
 * The pool of a model run, its first worker already starting: that start (a Node thread, then the engine's
 * code) then overlaps this thread's loading of the run's code and checking of its input instead of following
 * them. --jobs is checked later (runExperiment): a value that is not a whole number ≥ 1 gets the default here.
 */
async function warmPool(o: RunOptions, install: CliInstall): Promise<JobPool | undefined> {
  if (o.engine === 'live') return undefined
  const { JobPool } = await import('../../lab/pool/job-pool')
  const jobs = Number(o.jobs)
  return new JobPool({ threads: Number.isInteger(jobs) && jobs >= 1 ? jobs : undefined, workerFilename: install.workerFilename, warm: true })
}

export function registerRunCommand(program: Command, install: CliInstall): void {
  program
    .command('run')
    .description('run an experiment: each variant × seed × sweep point on a worker pool')
    .argument('[file]', 'a *.drainlab.json profile')
    .option('--preset <name>', 'run a built-in preset (see drainlab presets)')
    .option('--variants <list>', 'kernel variants, comma-separated (workqueue,direct,direct-irqon,direct-chunked)')
    .option('--seeds <list>', 'random seeds, comma-separated')
    .option('--duration <time>', 'simulated time per run, e.g. 10s, 250ms')
    .option('--set <path=value>', 'override a profile field, e.g. machine.cpus=64 (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--jobs <n>', 'worker threads (default: cores - 1)')
    .option('--out <dir>', 'output folder (default: a new folder here, named after the profile and time); refused when it already holds a run\'s results.json')
    .option('--format <list>', 'also write: json,csv,png,svg,html,trace', 'json')
    .option('--width <px>', 'chart width in CSS pixels (default 1000)')
    .option('--height <px>', 'chart height in CSS pixels (default 500)')
    .option('--dpi <n>', 'PNG pixels per inch; 96 = 1 pixel per CSS pixel (default 96)')
    .option('--data-dir <dir>', 'the Drain Lab data folder whose run history records this run (default: the platform data folder)')
    .option('--no-history', 'do not record the run in the history')
    .option('--calibration <file>', 'apply the kernel costs fitted by drainlab probe (its results.json) before any --set')
    .option('--engine <engine>', 'model (the simulation, default) or live (real threads pinned to this machine\'s CPUs, one job at a time: docs/live-engine.md); sets run.engine')
    .option('--shard <i/n>', 'run only shard i (from 0) of n of the jobs, for drainlab merge; records no history (docs/scale-out.md)')
    .option('--timings', 'print when the run passed each stage (start-up, each job\'s worker, engine and result, the write), in seconds since the process started')
    .action(async (file: string | undefined, o: RunOptions) => {
      const warm = await warmPool(o, install)
      try {
        await (await import('./run-action')).runExperiment(file, o, install, warm)
      } finally {
        // a run that did not use it (invalid input, a live profile) leaves it to close here; closing twice is harmless
        await warm?.close()
      }
    })
}
