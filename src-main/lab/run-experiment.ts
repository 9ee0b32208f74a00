// Starting an experiment, for every host: the app and `drainlab serve` (through LabService.startRun) and
// `drainlab run`. One run id names the progress, the experiment's folder and its history entry; the
// folder and its profile are written before any job runs, so a data folder that cannot take the results
// (read-only, full, not a folder) is reported before the run, not after it.
import { statfs } from 'node:fs/promises'
import { LabError, type RunProgress } from '../../src-shared/api'
import type { Profile } from '../../src-shared/profile/schema'
import { ENGINE_VERSION } from '../engine/version'
import { RunIdTakenError, type ExperimentStore } from '../store/experiment-store'
import { FsFailure } from '../store/fs-failure'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import { shardJobs, type ShardSpec } from '../../src-shared/profile/shard-plan'
import { ExperimentRun, type ExperimentOutcome } from './experiment-run'
import type { JobRunner } from './pool/job-pool'
import { newRunId } from './run-id'
import { shardFingerprint } from './shard-fingerprint'

/**
 * Less free space than this on the data folder's disk refuses a run before it starts. The presets'
 * results.json measure 50–100 KB per job for 2 s simulated (more for long runs with fine series windows),
 * so this is room for the index rewrite and a few hundred jobs, not a promise that any run fits; a save
 * that still fails says so with the path (see FinishedExperiment.saveError).
 */
export const MIN_FREE_BYTES = 64 * 1024 * 1024
const MAX_RUN_ID_DRAWS = 16

export interface StartExperimentOptions {
  profile: Profile
  pool: JobRunner
  /** where the run is recorded; null runs it without history (`drainlab run --no-history`) */
  store: ExperimentStore | null
  concurrency?: number
  onProgress?: (progress: RunProgress) => void
  startedAt?: Date
  /** run only this shard's jobs (`drainlab run --shard i/n`); its results carry a shard block */
  shard?: ShardSpec
}

export interface FinishedExperiment {
  outcome: ExperimentOutcome
  /** why the results could not be saved in the data folder (they are still in `outcome`) */
  saveError?: string
  /**
   * the results document as saved in the data folder, in the pieces written (resultsPieces): `drainlab run`
   * writes the same bytes to its --out folder instead of serializing a heavy run's 9 MB again
   */
  savedPieces?: string[]
}

export interface StartedExperiment {
  runId: string
  startedAt: Date
  jobCount: number
  run: ExperimentRun
  /** settles once the results are saved, or their save failed (saveError); rejects only if the run itself broke */
  finished: Promise<FinishedExperiment>
}

async function checkFreeSpace(dataDir: string): Promise<void> {
  const fs = await statfs(dataDir)
  const free = fs.bavail * fs.bsize
  if (free < MIN_FREE_BYTES) {
    throw new LabError('failed', `the disk holding ${dataDir} has ${(free / 2 ** 20).toFixed(1)} MiB free; a run needs at least ${MIN_FREE_BYTES / 2 ** 20} MiB there to save its results`)
  }
}

/** Plans, records the start, and starts the run; throws a LabError (nothing started) when any of it fails. */
export async function startExperiment(options: StartExperimentOptions): Promise<StartedExperiment> {
  const { profile, store } = options
  const plan = planExperiment(profile)
  if (!plan.ok) throw new LabError('invalid-profile', 'the experiment cannot be planned', plan.issues)
  const startedAt = options.startedAt ?? new Date()
  let runId = newRunId(profile.name, startedAt)
  if (store !== null) {
    try {
      await checkFreeSpace(await store.ensureDataDir())
      // an id is taken only by a run of the same name started in the same second with the same 4 random
      // digits: another draw settles it
      for (let draw = 1; ; draw++) {
        try {
          await store.beginRun(runId, profile, startedAt)
          break
        } catch (e) {
          if (!(e instanceof RunIdTakenError) || draw === MAX_RUN_ID_DRAWS) throw e
          runId = newRunId(profile.name, startedAt)
        }
      }
    } catch (e) {
      if (e instanceof LabError) throw e
      throw new LabError('failed', e instanceof FsFailure ? e.message : `cannot record the run in ${store.dataDir}: ${(e as Error).message}`)
    }
  }
  const jobs = options.shard === undefined ? plan.jobs : shardJobs(plan.jobs, options.shard)
  const shard = options.shard === undefined ? undefined : {
    ...options.shard,
    jobIds: jobs.map((j) => j.id),
    fingerprint: shardFingerprint(profile, plan.jobs.map((j) => j.id), ENGINE_VERSION)
  }
  const run = new ExperimentRun({
    runId,
    profile,
    engineVersion: ENGINE_VERSION,
    jobs,
    shard,
    pool: options.pool,
    concurrency: options.concurrency,
    onProgress: options.onProgress,
    // each ended job is kept as it ends (a kill -9 then loses only the jobs in flight); a job that cannot
    // be kept now is still in the final save, which reports any failure
    onJobEnded: store === null ? undefined : (job) => store.saveJob(runId, job).then(() => undefined, () => undefined)
  })
  const finished = run.done.then(async (outcome): Promise<FinishedExperiment> => {
    if (store === null) return { outcome }
    try {
      const savedPieces = await store.saveResults(runId, outcome.results, outcome.status, startedAt.toISOString())
      return { outcome, savedPieces }
    } catch (e) {
      return { outcome, saveError: e instanceof Error ? e.message : String(e) }
    }
  })
  return { runId, startedAt, jobCount: jobs.length, run, finished }
}
