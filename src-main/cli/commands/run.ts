// drainlab run (FILE | --preset NAME) [--variants a,b] [--seeds 1,2,3] [--duration 10s] [--set path=value]…
//   [--jobs N] [--out DIR] [--format json,csv,png,svg,html,trace] [--data-dir DIR] [--no-history]
// Exit 0 on success, 2 on invalid input (nothing written), 1 if a job failed, 130 after Ctrl-C (completed
// jobs and the partial ones are written, the results marked partial).
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { LabError, type ExportFormat } from '../../../src-shared/api'
import type { Profile } from '../../../src-shared/profile/schema'
import { summaryText } from '../../../src-shared/results/summary-table'
import { ENGINE_VERSION } from '../../engine/version'
import { parseFormats, parsePositiveInt } from '../cli-arguments'
import { planExperiment } from '../../../src-shared/profile/experiment-plan'
import { ExperimentRun } from '../../lab/experiment-run'
import { writeExports } from '../../lab/export/write-exports'
import { JobPool } from '../../lab/pool/job-pool'
import { findPreset, presetInfos } from '../../lab/presets'
import { applyOverrides } from '../profile-overrides'
import { progressBar, progressLine } from '../progress-text'
import { newRunId, slugOf, timeStamp } from '../../lab/run-id'
import { readProfileFile, serializeProfile } from '../../store/profile-file'
import { writeFileAtomic } from '../../store/atomic-write'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore } from '../../store/experiment-store'
import { writeResultsFile } from '../../store/results-file'

interface RunOptions {
  preset?: string
  variants?: string
  seeds?: string
  duration?: string
  set: string[]
  jobs?: string
  out?: string
  format: string
  width?: string
  height?: string
  dpi?: string
  dataDir?: string
  history: boolean
}

/** Plain progress lines (not a terminal) come at most this often, so logs stay readable. */
const PLAIN_PROGRESS_EVERY_MS = 2000
export const SIGINT_EXIT_CODE = 130

async function loadBaseProfile(file: string | undefined, preset: string | undefined): Promise<Profile> {
  if (file !== undefined && preset !== undefined) throw new LabError('invalid-request', 'give either a profile FILE or --preset NAME, not both')
  if (preset !== undefined) {
    const found = findPreset(preset)
    if (found === undefined) throw new LabError('invalid-request', `no preset "${preset}" (presets: ${presetInfos().map((p) => p.id).join(', ')})`)
    return found.profile
  }
  if (file === undefined) throw new LabError('invalid-request', 'give a profile FILE or --preset NAME (see drainlab presets)')
  const checked = await readProfileFile(file)
  if (!checked.ok) throw new LabError('invalid-profile', `${file} is not a valid profile`, checked.issues)
  return checked.profile
}

function quoteArg(arg: string): string {
  return /^[A-Za-z0-9_./:=,@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

export function registerRunCommand(program: Command): void {
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
    .option('--out <dir>', 'output folder (default: a new folder here, named after the profile and time)')
    .option('--format <list>', 'also write: json,csv,png,svg,html,trace', 'json')
    .option('--width <px>', 'chart width in CSS pixels (default 1000)')
    .option('--height <px>', 'chart height in CSS pixels (default 500)')
    .option('--dpi <n>', 'PNG pixels per inch; 96 = 1 pixel per CSS pixel (default 96)')
    .option('--data-dir <dir>', 'the Drain Lab data folder whose run history records this run (default: the platform data folder)')
    .option('--no-history', 'do not record the run in the history')
    .action(async (file: string | undefined, o: RunOptions) => {
      // Everything that can be wrong with the input is checked before anything is written.
      const formats: ExportFormat[] = parseFormats(o.format)
      const threads = o.jobs === undefined ? undefined : parsePositiveInt(o.jobs, '--jobs')
      const image = {
        width: o.width === undefined ? undefined : parsePositiveInt(o.width, '--width'),
        height: o.height === undefined ? undefined : parsePositiveInt(o.height, '--height'),
        dpi: o.dpi === undefined ? undefined : parsePositiveInt(o.dpi, '--dpi')
      }
      const base = await loadBaseProfile(file, o.preset)
      const checked = applyOverrides(base, { variants: o.variants, seeds: o.seeds, duration: o.duration, set: o.set })
      if (!checked.ok) throw new LabError('invalid-profile', 'the profile with these options is invalid', checked.issues)
      const profile = checked.profile
      const plan = planExperiment(profile)
      if (!plan.ok) throw new LabError('invalid-profile', 'the experiment cannot be planned', plan.issues)

      // one instant names the output folder and the history entry, as the app dates a run by its start
      const startedAt = new Date()
      const out = resolve(o.out ?? `${slugOf(profile.name)}-${timeStamp(startedAt)}`)
      await mkdir(out, { recursive: true })
      await writeFileAtomic(join(out, 'profile.drainlab.json'), serializeProfile(profile))

      const pool = new JobPool({ threads })
      const tty = process.stderr.isTTY === true
      let lastPlain = 0
      const run = new ExperimentRun({
        runId: slugOf(profile.name),
        profile,
        engineVersion: ENGINE_VERSION,
        jobs: plan.jobs,
        pool,
        onProgress: (p) => {
          if (tty) process.stderr.write(`\r${progressBar(p)}\x1b[K`)
          else if (Date.now() - lastPlain >= PLAIN_PROGRESS_EVERY_MS) {
            lastPlain = Date.now()
            process.stderr.write(`${progressLine(p)}\n`)
          }
        }
      })
      process.stderr.write(`drainlab: ${plan.jobs.length} jobs (${profile.kernel.variants.length} variants × ${profile.run.seeds.length} seeds${profile.sweep ? ' × sweep points' : ''}) on ${pool.threads} worker${pool.threads > 1 ? 's' : ''}, output in ${out}\n`)
      let interrupted = false
      const onSigint = () => {
        if (interrupted) process.exit(SIGINT_EXIT_CODE)
        interrupted = true
        process.stderr.write('\ndrainlab: cancelling (Ctrl-C again to quit at once); completed jobs are kept\n')
        run.cancel()
      }
      process.on('SIGINT', onSigint)
      let outcome
      try {
        outcome = await run.done
      } finally {
        process.off('SIGINT', onSigint)
        await pool.close()
      }
      if (tty) process.stderr.write('\n')

      await writeResultsFile(join(out, 'results.json'), outcome.results)
      const reproduce = [
        `npx drainlab ${process.argv.slice(2).map(quoteArg).join(' ')}`,
        `# or, from the profile saved next to the results:`,
        `npx drainlab run profile.drainlab.json${formats.length > 0 ? ` --format ${formats.join(',')}` : ''}`
      ].join('\n')
      await writeExports(outcome.results, formats.filter((f) => f !== 'json'), out, { ...image, command: reproduce })

      // the app and `drainlab serve` list the run in their history, from the same data folder
      let historyNote = ''
      if (o.history) {
        const store = new ExperimentStore(resolve(o.dataDir ?? defaultDataDir()))
        const runId = newRunId(profile.name, startedAt)
        await store.saveProfile(runId, profile)
        await store.saveResults(runId, outcome.results, outcome.status, startedAt.toISOString())
        historyNote = `; in the history as ${runId}`
      }

      process.stdout.write(`${summaryText(outcome.results)}\n`)
      for (const job of outcome.results.jobs.filter((j) => j.status === 'failed')) process.stderr.write(`drainlab: job ${job.id} failed: ${job.error}\n`)
      process.stderr.write(`drainlab: ${outcome.status} — ${outcome.completed} completed, ${outcome.failed} failed, ${outcome.cancelled} cancelled; results in ${join(out, 'results.json')}${historyNote}\n`)
      process.exitCode = interrupted ? SIGINT_EXIT_CODE : outcome.failed > 0 ? 1 : 0
    })
}
