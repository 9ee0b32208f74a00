// The data folder: one folder per experiment (profile, results, exports), a history index for the list
// view, and a trash folder so a deletion can be undone. Several processes may share it (the app, `serve`,
// CLIs): every read-modify-write of the index and every move to or from the trash happens under one lock
// file (store-lock.ts). Nothing here deletes a folder: a deletion is a rename into the trash.
import { lstat, mkdir, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { HistoryEntry, RunFinished } from '../../src-shared/api'
import type { Profile } from '../../src-shared/profile/schema'
import { jobResultSchema } from '../../src-shared/results/results-schema'
import type { ExperimentResults, JobResult } from '../../src-shared/results/types'
import { isRunId } from '../../src-shared/run-id'
import { TEMP_FILE_PATTERN, writeFileAtomic, writeJsonAtomic } from './atomic-write'
import { describedIo, FsFailure } from './fs-failure'
import { historyEntryOf, parseHistoryEntry, parseHistoryIndex } from './history-index'
import { parseJsonWith } from './json-with-schema'
import { childInside } from './inside-folder'
import { makeFolder } from './make-folder'
import { processAlive } from './process-alive'
import { readProfileFile, serializeProfile } from './profile-file'
import { readRegularFile } from './read-regular-file'
import { readResultsFile, writeResultsFile } from './results-file'
import { withStoreLock } from './store-lock'

export const PROFILE_FILE = 'profile.drainlab.json'
export const RESULTS_FILE = 'results.json'
/** written when a run starts and removed when its results are saved: who is running it, for recovery */
export const RUNNING_FILE = 'running.json'
const TRASHED_ENTRY_FILE = 'history-entry.json'
const JOBS_FOLDER = 'jobs'
/** a job's file in jobs/: its id ("p0-workqueue-s1") as the plan makes it */
const JOB_FILE = /^[A-Za-z0-9-]{1,120}\.json$/
const TEMP_FILE_MAX_AGE_MS = 60 * 60 * 1000

export interface RunningMark {
  pid: number
  host: string
  startedAt: string
}

const runningMarkSchema = z.object({ pid: z.number().int(), host: z.string(), startedAt: z.string() }) satisfies z.ZodType<RunningMark>

export class ExperimentStore {
  readonly experimentsDir: string
  readonly trashDir: string
  private readonly indexFile: string
  private readonly lockFile: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(readonly dataDir: string) {
    this.experimentsDir = join(dataDir, 'experiments')
    this.trashDir = join(dataDir, 'trash')
    this.indexFile = join(dataDir, 'history.json')
    this.lockFile = join(dataDir, 'store.lock')
  }

  /**
   * The experiment's folder, after checking that `runId` is a generated run id and that the folder's real
   * path is inside the experiments folder (a symlink planted there is refused).
   */
  async folderOf(runId: string): Promise<string> {
    return childInside(await this.ensureFolder(this.experimentsDir), checkRunId(runId))
  }

  async exportsDirOf(runId: string): Promise<string> {
    return childInside(await this.folderOf(runId), 'exports')
  }

  /**
   * Starts a run's folder: its profile (what "re-run exactly" runs) and who is running it. Called before
   * any job runs, so a read-only or full data folder is reported before the run, naming the folder.
   */
  async beginRun(runId: string, profile: Profile, startedAt: Date): Promise<void> {
    const folder = await this.folderOf(runId)
    const mark: RunningMark = { pid: process.pid, host: hostname(), startedAt: startedAt.toISOString() }
    // created here and only here, not recursively: two runs given the same id (same second, same name,
    // same 4 random digits) must not share a folder
    try {
      await mkdir(folder)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new RunIdTakenError(runId)
      throw new FsFailure('create the run\'s folder', folder, (e as NodeJS.ErrnoException).code, e)
    }
    await describedIo('save the run\'s profile in', folder, async () => {
      // the mark first: a folder with a profile and no mark is then never a run that is just starting
      await writeJsonAtomic(join(folder, RUNNING_FILE), mark)
      await writeFileAtomic(join(folder, PROFILE_FILE), serializeProfile(profile))
    })
  }

  /**
   * The run's results and its history entry. The jobs saved one by one during the run and the running
   * mark go last, so a crash in between leaves either a recoverable run or a finished one. Returns the
   * results file's text, in the pieces written (results-file.ts resultsPieces).
   */
  async saveResults(runId: string, results: ExperimentResults, status: RunFinished['status'], createdAt: string): Promise<string[]> {
    const folder = await this.folderOf(runId)
    const pieces = await describedIo('save the results in', folder, () => writeResultsFile(join(folder, RESULTS_FILE), results))
    await this.locked(() => this.indexAndTidy(runId, historyEntryOf(runId, results, createdAt, status)))
    return pieces
  }

  /** Under the lock: the run's entry in the index, then its saved jobs and its running mark go. */
  private async indexAndTidy(runId: string, entry: HistoryEntry): Promise<void> {
    await this.writeIndex([entry, ...(await this.readIndex()).filter((e) => e.id !== runId)])
    const jobsDir = await this.jobsDirOf(runId)
    for (const name of await readdir(jobsDir).catch(() => [] as string[])) {
      const path = join(jobsDir, name)
      // only the files the run wrote there: job files, and temporary files of job writes a kill cut short
      if ((JOB_FILE.test(name) || TEMP_FILE_PATTERN.test(name)) && (await lstat(path).catch(() => null))?.isFile()) await unlink(path).catch(ignoreMissing)
    }
    await rmdir(jobsDir).catch(() => undefined)
    await unlink(join(await this.folderOf(runId), RUNNING_FILE)).catch(ignoreMissing)
  }

  /** jobs/ of a run, refused when it resolves outside the run's folder (a planted symlink) */
  private async jobsDirOf(runId: string): Promise<string> {
    return childInside(await this.folderOf(runId), JOBS_FOLDER)
  }

  /**
   * Finishes a run that interruptedRuns() found, under the lock and after checking again that it still is
   * one (another process may have finished it meanwhile): if its results were saved but not indexed,
   * indexes them; else saves what `build` makes of the jobs it had saved. What was done, or 'skipped'.
   */
  async finishInterrupted(
    runId: string,
    build: (saved: Map<string, JobResult>, mark: RunningMark | null) => { results: ExperimentResults; createdAt: string } | null
  ): Promise<'indexed' | 'recovered' | 'skipped'> {
    return this.locked(async () => {
      const state = await this.runState(runId)
      if (!state.interrupted) return 'skipped'
      const folder = await this.folderOf(runId)
      if (state.hasResults) {
        const results = await readResultsFile(join(folder, RESULTS_FILE))
        await this.indexAndTidy(runId, historyEntryOf(runId, results, state.mark?.startedAt ?? startOfRunId(runId)))
        return 'indexed'
      }
      const built = build(await this.readSavedJobs(runId), state.mark)
      if (built === null) return 'skipped'
      await describedIo('save the results in', folder, () => writeResultsFile(join(folder, RESULTS_FILE), built.results))
      await this.indexAndTidy(runId, historyEntryOf(runId, built.results, built.createdAt))
      return 'recovered'
    })
  }

  /**
   * One ended job of a running experiment, saved as it ends so that a run killed after hours keeps what
   * it had done (recover-interrupted-runs.ts reads them back). False when the job id is no file name.
   */
  async saveJob(runId: string, job: JobResult): Promise<boolean> {
    const name = `${job.id}.json`
    if (!JOB_FILE.test(name)) return false
    const dir = await this.jobsDirOf(runId)
    await describedIo('save a finished job in', dir, () => writeFileAtomic(join(dir, name), JSON.stringify(job)))
    return true
  }

  /** The jobs saved during a run that did not finish, by job id; a damaged file is skipped (that job is lost). */
  async readSavedJobs(runId: string): Promise<Map<string, JobResult>> {
    const dir = await this.jobsDirOf(runId)
    const jobs = new Map<string, JobResult>()
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!JOB_FILE.test(name)) continue
      const text = await readRegularFile(join(dir, name)).catch(() => null)
      const parsed = text === null ? null : parseJsonWith(jobResultSchema, text)
      if (parsed !== null) jobs.set(parsed.id, parsed)
    }
    return jobs
  }

  async readResults(runId: string): Promise<ExperimentResults | null> {
    const file = join(await this.folderOf(runId), RESULTS_FILE)
    if (!(await exists(file))) return null
    return readResultsFile(file)
  }

  /** The profile saved with the run, checked (and migrated) like a profile file; null when there is none. */
  async readProfile(runId: string): Promise<Profile | null> {
    const file = join(await this.folderOf(runId), PROFILE_FILE)
    if (!(await exists(file))) return null
    const checked = await readProfileFile(file)
    if (!checked.ok) throw new Error(`${file} is damaged: ${checked.issues.map((i) => `${i.path || 'profile'}: ${i.message}`).join('; ')}`)
    return checked.profile
  }

  /**
   * Keeps exported files in the experiment's folder, if it is still there: a run deleted while its export
   * was rendered stays deleted (writing would re-create its folder and block its restore). False then.
   */
  async saveExports(runId: string, files: ReadonlyArray<{ fileName: string; data: string | Uint8Array }>): Promise<boolean> {
    return this.locked(async () => {
      if (!(await exists(await this.folderOf(runId)))) return false
      const dir = await this.exportsDirOf(runId)
      for (const file of files) await describedIo('save an export in', dir, () => writeFileAtomic(join(dir, file.fileName), file.data))
      return true
    })
  }

  /**
   * The history, newest first. history.json is only ever replaced whole (atomic rename), so a sound one
   * is read without the lock, which keeps a read-only data folder listable; a damaged one is rebuilt
   * under the lock.
   */
  async listHistory(): Promise<HistoryEntry[]> {
    const text = await readRegularFile(this.indexFile).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '[]' : null))
    const entries = text === null ? null : parseHistoryIndex(text)
    return entries ?? this.locked(() => this.readIndex())
  }

  /** Moves the experiment's folder to the trash; its index entry goes along so restore can bring it back. */
  async delete(runId: string): Promise<boolean> {
    return this.locked(async () => {
      const from = await this.folderOf(runId)
      if (!(await exists(from))) return false
      const to = await childInside(await this.ensureFolder(this.trashDir), runId)
      // ids are unique and restore moves the folder back out, so an occupied place is damage: keep both
      if (await exists(to)) throw new Error(`${to} is already in the trash; move it away to delete ${runId}`)
      const entries = await this.readIndex()
      await describedIo('move to the trash', from, () => rename(from, to))
      const entry = entries.find((e) => e.id === runId)
      if (entry !== undefined) await writeJsonAtomic(join(to, TRASHED_ENTRY_FILE), entry)
      await this.writeIndex(entries.filter((e) => e.id !== runId))
      return true
    })
  }

  async restore(runId: string): Promise<boolean> {
    return this.locked(async () => {
      const from = await childInside(await this.ensureFolder(this.trashDir), checkRunId(runId))
      if (!(await exists(from))) return false
      const to = await this.folderOf(runId)
      if (await exists(to)) return false
      const saved = await readRegularFile(join(from, TRASHED_ENTRY_FILE)).then(parseHistoryEntry, () => null)
      await describedIo('restore from the trash', from, () => rename(from, to))
      await unlink(join(to, TRASHED_ENTRY_FILE)).catch(ignoreMissing)
      // without its saved entry (lost or damaged) the experiment is listed again from its results
      const entry = saved ?? (await this.entryFromFolder(runId))
      if (entry !== null) await this.writeIndex([entry, ...(await this.readIndex()).filter((e) => e.id !== runId)].sort(newestFirst))
      return true
    })
  }

  /** The run ids of the experiments folder (names that are not run ids are not the lab's and are left alone). */
  async runIds(): Promise<string[]> {
    const names = await readdir(this.experimentsDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return []
      throw e
    })
    return names.filter(isRunId).sort()
  }

  /**
   * Experiments whose run ended without saving results: the running mark names a process of this host
   * that is gone, or (a run of a version before the mark, or a crash before it was written) there is a
   * profile and neither results nor a mark. A mark of another host is that host's business.
   */
  async interruptedRuns(): Promise<{ found: Array<{ runId: string; mark: RunningMark | null }>; unreadable: Array<{ runId: string; reason: string }> }> {
    const found: Array<{ runId: string; mark: RunningMark | null }> = []
    const unreadable: Array<{ runId: string; reason: string }> = []
    for (const runId of await this.runIds()) {
      try {
        const state = await this.runState(runId)
        if (state.interrupted) found.push({ runId, mark: state.mark })
      } catch (e) {
        unreadable.push({ runId, reason: (e as Error).message })
      }
    }
    return { found, unreadable }
  }

  /**
   * Whether a run was interrupted: its running mark names a process of this host that is gone (with or
   * without results: a save cut short between results.json and the index), or, without a mark, it has a
   * profile and no results (a version before the mark, or a crash before it was written).
   */
  private async runState(runId: string): Promise<{ interrupted: boolean; mark: RunningMark | null; hasResults: boolean }> {
    const folder = await this.folderOf(runId)
    const hasResults = await exists(join(folder, RESULTS_FILE))
    const mark = await readRegularFile(join(folder, RUNNING_FILE)).then((text) => parseJsonWith(runningMarkSchema, text), () => null)
    const interrupted = mark === null ? !hasResults && (await exists(join(folder, PROFILE_FILE))) : mark.host === hostname() && !processAlive(mark.pid)
    return { interrupted, mark, hasResults }
  }

  /**
   * Removes temporary files of atomic writes (TEMP_FILE_PATTERN) that a killed process left in the data
   * folder, its experiments and their exports: those whose writer is gone, or that are over an hour old
   * (a live write takes seconds). Only names of that pattern are touched; returns the removed paths.
   */
  async removeLeftoverTempFiles(): Promise<string[]> {
    const folders = [this.dataDir]
    for (const runId of await this.runIds()) {
      // a folder that resolves outside (a planted symlink) is not looked into
      const inside = await Promise.all([this.folderOf(runId), this.exportsDirOf(runId), this.jobsDirOf(runId)]).catch(() => [])
      folders.push(...inside)
    }
    const removed: string[] = []
    for (const folder of folders) {
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const match = TEMP_FILE_PATTERN.exec(name)
        if (match === null) continue
        const path = join(folder, name)
        const info = await lstat(path).catch(() => null)
        if (info === null || !info.isFile()) continue
        if (processAlive(Number(match[1])) && Date.now() - info.mtimeMs < TEMP_FILE_MAX_AGE_MS) continue
        await unlink(path).catch(ignoreMissing)
        removed.push(path)
      }
    }
    return removed
  }

  /** Work on the data folder that must not interleave with another process's: in-process first, then the lock file. */
  locked<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.ensureDataDir()
      return withStoreLock(this.lockFile, work)
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  async ensureDataDir(): Promise<string> {
    await describedIo('create the data folder', this.dataDir, () => makeFolder(this.dataDir))
    return this.dataDir
  }

  /** experiments/ or trash/, created when missing, refused when it resolves outside the data folder. */
  private async ensureFolder(dir: string): Promise<string> {
    await describedIo('create the folder', dir, () => makeFolder(dir))
    return childInside(this.dataDir, basename(dir))
  }

  /**
   * The index as saved. No file yet is an empty history; any other read error is thrown (an index that
   * cannot be read must not be replaced by an empty one on the next write). A damaged index is kept
   * aside as history.json.bad-<time> and rebuilt from the experiment folders. Call under the lock.
   */
  private async readIndex(): Promise<HistoryEntry[]> {
    let text: string
    try {
      text = await readRegularFile(this.indexFile)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const entries = parseHistoryIndex(text)
    if (entries !== null) return entries
    await rename(this.indexFile, `${this.indexFile}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    const rebuilt = await this.rebuildIndex()
    await this.writeIndex(rebuilt)
    return rebuilt
  }

  private writeIndex(entries: HistoryEntry[]): Promise<void> {
    return describedIo('save the history index', this.indexFile, () => writeJsonAtomic(this.indexFile, entries))
  }

  private async rebuildIndex(): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = []
    for (const id of await this.runIds()) {
      const entry = await this.entryFromFolder(id)
      if (entry !== null) entries.push(entry)
    }
    return entries.sort(newestFirst)
  }

  /** An experiment folder's index entry from its results.json (dated by that file); null if it has none readable. */
  private async entryFromFolder(runId: string): Promise<HistoryEntry | null> {
    try {
      const file = join(await this.folderOf(runId), RESULTS_FILE)
      const [results, info] = await Promise.all([readResultsFile(file), stat(file)])
      return historyEntryOf(runId, results, info.mtime.toISOString())
    } catch {
      return null
    }
  }

}

/** The run's start from its id's UTC time stamp ("20261129-101500-…"): the best date a run without a mark has. */
export function startOfRunId(runId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId)
  return m === null ? new Date(0).toISOString() : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`
}

/** beginRun found the run's folder taken: the caller picks another id. */
export class RunIdTakenError extends Error {
  constructor(readonly runId: string) {
    super(`run id ${runId} is taken`)
    this.name = 'RunIdTakenError'
  }
}

function checkRunId(runId: string): string {
  if (!isRunId(runId)) throw new Error(`"${runId}" is not a run id`)
  return runId
}

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return b.createdAt.localeCompare(a.createdAt)
}

function ignoreMissing(e: NodeJS.ErrnoException): void {
  if (e.code !== 'ENOENT') throw e
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
