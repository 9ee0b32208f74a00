// What `drainlab run` does (commands/run.ts declares it and its exit codes).
import { join, resolve } from 'node:path'
import { LabError, type ExportFormat } from '../../../src-shared/api'
import { calibrationAssignments } from '../../../src-shared/profile/calibration'
import type { Profile } from '../../../src-shared/profile/schema'
import { summaryText } from '../../../src-shared/results/summary-table'
import { flushSummaryText } from '../../../src-shared/results/flush-rows'
import { kswapdSummaryText } from '../../../src-shared/results/kswapd-summary'
import { parseFormats, parsePositiveInt, parseShard } from '../cli-arguments'
import { epochMs } from '../../lab/pool/job-control'
import { JobPool } from '../../lab/pool/job-pool'
import { findPreset, presetInfos } from '../../lab/presets'
import { liveSummaryText } from '../live-summary'
import { applyOverrides } from '../profile-overrides'
import { progressBar, progressLine } from '../progress-text'
import { timingsText } from '../timings-text'
import { startExperiment } from '../../lab/run-experiment'
import { slugOf, timeStamp } from '../../lab/run-id'
import { readProfileFile, serializeProfile } from '../../store/profile-file'
import { writeFileAtomic } from '../../store/atomic-write'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore } from '../../store/experiment-store'
import { describedIo, FsFailure } from '../../store/fs-failure'
import { makeFolder } from '../../store/make-folder'
import { readResultsFile, resultsPieces } from '../../store/results-file'
import type { CliInstall } from '../cli-install'
import { refuseFinishedRunFolder } from '../out-folder'

/** "1 seed", "2 seeds" */
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

export interface RunOptions {
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
  shard?: string
  calibration?: string
  engine?: string
  timings?: boolean
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

/** The fitted costs of a probe's results (drainlab probe), as --set assignments. */
async function calibrationOf(path: string): Promise<string[]> {
  const calibration = (await readResultsFile(path)).measurement?.calibration
  if (calibration === undefined) throw new LabError('invalid-request', `${path} has no calibration block (drainlab probe writes one when its trace has pcp drain bursts)`)
  const assignments = calibrationAssignments(calibration)
  process.stderr.write(`drainlab: calibration from ${path}: ${assignments.join(', ')} (${calibration.method})\n`)
  return assignments
}

function quoteArg(arg: string): string {
  return /^[A-Za-z0-9_./:=,@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/** `warm`: a pool started for this run before its input was checked (commands/run.ts), used by a model run, closed here once used. */
export async function runExperiment(file: string | undefined, o: RunOptions, install: CliInstall, warm?: JobPool): Promise<void> {
  const loadedAt = epochMs()
  // Everything that can be wrong with the input is checked before anything is written.
  const formats: ExportFormat[] = parseFormats(o.format)
  const threads = o.jobs === undefined ? undefined : parsePositiveInt(o.jobs, '--jobs')
  const image = {
    width: o.width === undefined ? undefined : parsePositiveInt(o.width, '--width'),
    height: o.height === undefined ? undefined : parsePositiveInt(o.height, '--height'),
    dpi: o.dpi === undefined ? undefined : parsePositiveInt(o.dpi, '--dpi')
  }
  const shard = o.shard === undefined ? undefined : parseShard(o.shard)
  // a shard is part of a run, not a run: only its merge (drainlab merge) is recorded
  if (shard !== undefined && o.dataDir !== undefined) throw new LabError('invalid-request', '--shard runs record no history, so --data-dir does not apply: give it to drainlab merge')
  const base = await loadBaseProfile(file, o.preset)
  const calibrated = o.calibration === undefined ? [] : await calibrationOf(o.calibration)
  // the calibration first, so an explicit --set of the same cost still wins
  // --engine is run.engine, set before any --set so that an explicit --set run.engine=… still wins
  const engine = o.engine === undefined ? [] : [`run.engine=${o.engine}`]
  const checked = applyOverrides(base, { variants: o.variants, seeds: o.seeds, duration: o.duration, set: [...calibrated, ...engine, ...o.set] })
  if (!checked.ok) throw new LabError('invalid-profile', 'the profile with these options is invalid', checked.issues)
  const profile = checked.profile

  // one instant names the output folder and the history entry, as the app dates a run by its start
  const startedAt = new Date()
  const out = resolve(o.out ?? `${slugOf(profile.name)}-${timeStamp(startedAt)}`)
  await refuseFinishedRunFolder(out)
  const live = profile.run.engine === 'live'
  // the live engine's code (src-main/live) only for a live run: a model run's start does not load it
  const livePool = live ? await import('../../lab/live-job-pool') : null
  if (livePool !== null) await livePool.checkLiveRun(profile)
  // a live job owns the machine's CPUs: its pool is one job wide whatever --jobs says
  if (live && threads !== undefined && threads > 1) process.stderr.write(`drainlab: --jobs ${threads} ignored: a live run is one job at a time (it pins a worker to each profile CPU)\n`)
  const pool = livePool !== null ? new livePool.LiveJobPool(install.liveWorkerFilename) : (warm ?? new JobPool({ threads, workerFilename: install.workerFilename }))
  const close = () => (pool instanceof JobPool ? pool.close() : Promise.resolve())
  const tty = process.stderr.isTTY === true
  let lastPlain = 0
  let started
  const checkedAt = epochMs()
  try {
    started = await startExperiment({
      profile,
      pool,
      shard,
      store: o.history && shard === undefined ? new ExperimentStore(resolve(o.dataDir ?? defaultDataDir())) : null,
      startedAt,
      onProgress: (p) => {
        if (tty) process.stderr.write(`\r${progressBar(p)}\x1b[K`)
        else if (Date.now() - lastPlain >= PLAIN_PROGRESS_EVERY_MS) {
          lastPlain = Date.now()
          process.stderr.write(`${progressLine(p)}\n`)
        }
      }
    })
    await describedIo('create the output folder', out, () => makeFolder(out))
    await describedIo('save the profile in', out, () => writeFileAtomic(join(out, 'profile.drainlab.json'), serializeProfile(profile)))
  } catch (e) {
    started?.run.cancel()
    await close()
    throw e instanceof FsFailure ? new LabError('failed', e.message) : e
  }
  const { run } = started
  const part = shard === undefined ? '' : `, shard ${shard.index}/${shard.count} of the plan`
  const on = live ? `on the live engine, one at a time (each: ${profile.machine.cpus} CPU workers and ${profile.drainSources.length} drain-source worker${profile.drainSources.length === 1 ? '' : 's'}, pinned)` : `on ${pool.threads} worker${pool.threads > 1 ? 's' : ''}`
  process.stderr.write(`drainlab: ${plural(started.jobCount, 'job')} (${plural(profile.kernel.variants.length, 'variant')} × ${plural(profile.run.seeds.length, 'seed')}${profile.sweep ? ' × sweep points' : ''}${part}) ${on}, output in ${out}\n`)
  let interrupted = false
  const onSigint = () => {
    if (interrupted) process.exit(SIGINT_EXIT_CODE)
    interrupted = true
    process.stderr.write('\ndrainlab: cancelling (Ctrl-C again to quit at once); completed jobs are kept\n')
    run.cancel()
  }
  process.on('SIGINT', onSigint)
  let finished
  try {
    finished = await started.finished
  } catch (e) {
    await close()
    throw e
  } finally {
    process.off('SIGINT', onSigint)
  }
  // the pool's threads end (~45 ms here) while the results are written; the command returns once both are done,
  // and a failed write is the error it reports
  const closed = close()
  const { outcome } = finished
  if (tty) process.stderr.write('\n')
  try {
    // with history the data folder's copy was serialized already: the same bytes
    const pieces = finished.savedPieces ?? resultsPieces(outcome.results)
    await describedIo('save the results in', out, () => writeFileAtomic(join(out, 'results.json'), pieces))
  } catch (e) {
    await closed.catch(() => undefined)
    throw e
  }
  await closed
  const writtenAt = epochMs()
  const reproduce = [
    `npx drainlab ${process.argv.slice(2).map(quoteArg).join(' ')}`,
    `# or, from the profile saved next to the results:`,
    `npx drainlab run profile.drainlab.json${formats.length > 0 ? ` --format ${formats.join(',')}` : ''}`
  ].join('\n')
  const exports = formats.filter((f) => f !== 'json')
  if (exports.length > 0) {
    // charts need @napi-rs/canvas (~0.1 s to load): only a run that exports them loads it
    const { writeExports } = await import('../../lab/export/write-exports')
    await writeExports(outcome.results, exports, out, { ...image, command: reproduce })
  }

  // the app and `drainlab serve` list the run in their history, from the same data folder
  const historyNote = !o.history || shard !== undefined ? '' : finished.saveError === undefined ? `; in the history as ${started.runId}` : `; NOT in the history: ${finished.saveError}`

  process.stdout.write(`${summaryText(outcome.results)}\n`)
  const flushes = flushSummaryText(outcome.results)
  if (flushes !== '') process.stdout.write(`\n${flushes}\n`)
  const kswapd = kswapdSummaryText(outcome.results)
  if (kswapd !== '') process.stdout.write(`${kswapd}\n`)
  if (live) process.stdout.write(`${liveSummaryText(outcome.results)}\n`)
  for (const job of outcome.results.jobs.filter((j) => j.status === 'failed')) process.stderr.write(`drainlab: job ${job.id} failed: ${job.error}\n`)
  process.stderr.write(`drainlab: ${outcome.status} — ${outcome.completed} completed, ${outcome.failed} failed, ${outcome.cancelled} cancelled; results in ${join(out, 'results.json')}${historyNote}\n`)
  process.exitCode = interrupted ? SIGINT_EXIT_CODE : outcome.failed > 0 || finished.saveError !== undefined ? 1 : 0
  if (o.timings === true) {
    const stages = [['run code loaded', loadedAt], ['input checked', checkedAt], ['results written', writtenAt], ['done', epochMs()]] as const
    process.stderr.write(`${timingsText(performance.timeOrigin, stages, run.jobStages())}\n`)
  }
}
