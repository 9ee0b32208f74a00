// The data folder: one folder per experiment (profile, results, exports), a history index for the list
// view, and a trash folder so a deletion can be undone.
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryEntry, RunFinished } from '../../src-shared/api'
import type { Profile } from '../../src-shared/profile/schema'
import type { ExperimentResults } from '../../src-shared/results/types'
import { writeFileAtomic, writeJsonAtomic } from './atomic-write'
import { historyEntryOf, parseHistoryEntry, parseHistoryIndex } from './history-index'
import { readProfileFile, serializeProfile } from './profile-file'
import { readResultsFile, writeResultsFile } from './results-file'

const RUN_ID = /^[A-Za-z0-9._-]{1,128}$/

export class ExperimentStore {
  readonly experimentsDir: string
  readonly trashDir: string
  private readonly indexFile: string
  private indexQueue: Promise<unknown> = Promise.resolve()

  constructor(readonly dataDir: string) {
    this.experimentsDir = join(dataDir, 'experiments')
    this.trashDir = join(dataDir, 'trash')
    this.indexFile = join(dataDir, 'history.json')
  }

  folderOf(runId: string): string {
    if (!RUN_ID.test(runId)) throw new Error(`"${runId}" is not a run id`)
    return join(this.experimentsDir, runId)
  }

  exportsDirOf(runId: string): string {
    return join(this.folderOf(runId), 'exports')
  }

  async saveProfile(runId: string, profile: Profile): Promise<void> {
    await writeFileAtomic(join(this.folderOf(runId), 'profile.drainlab.json'), serializeProfile(profile))
  }

  async saveResults(runId: string, results: ExperimentResults, status: RunFinished['status'], createdAt: string): Promise<void> {
    await writeResultsFile(join(this.folderOf(runId), 'results.json'), results)
    const entry = historyEntryOf(runId, results, createdAt, status)
    await this.updateIndex((entries) => [entry, ...entries.filter((e) => e.id !== runId)])
  }

  async readResults(runId: string): Promise<ExperimentResults | null> {
    const file = join(this.folderOf(runId), 'results.json')
    if (!(await exists(file))) return null
    return readResultsFile(file)
  }

  /** The profile saved with the run, checked (and migrated) like a profile file; null when there is none. */
  async readProfile(runId: string): Promise<Profile | null> {
    const file = join(this.folderOf(runId), 'profile.drainlab.json')
    if (!(await exists(file))) return null
    const checked = await readProfileFile(file)
    if (!checked.ok) throw new Error(`${file} is damaged: ${checked.issues.map((i) => `${i.path || 'profile'}: ${i.message}`).join('; ')}`)
    return checked.profile
  }

  listHistory(): Promise<HistoryEntry[]> {
    return this.serialized(() => this.readIndex())
  }

  /** Moves the experiment's folder to the trash; its index entry goes along so restore can bring it back. */
  async delete(runId: string): Promise<boolean> {
    const from = this.folderOf(runId)
    if (!(await exists(from))) return false
    const entries = await this.listHistory()
    const entry = entries.find((e) => e.id === runId)
    await mkdir(this.trashDir, { recursive: true })
    const to = join(this.trashDir, runId)
    await rm(to, { recursive: true, force: true })
    await rename(from, to)
    if (entry !== undefined) await writeJsonAtomic(join(to, 'history-entry.json'), entry)
    await this.updateIndex((list) => list.filter((e) => e.id !== runId))
    return true
  }

  async restore(runId: string): Promise<boolean> {
    const from = join(this.trashDir, this.checkId(runId))
    if (!(await exists(from))) return false
    const to = this.folderOf(runId)
    if (await exists(to)) return false
    await mkdir(this.experimentsDir, { recursive: true })
    await rename(from, to)
    const saved = await readFile(join(to, 'history-entry.json'), 'utf8').then(parseHistoryEntry, () => null)
    await rm(join(to, 'history-entry.json'), { force: true })
    // without its saved entry (lost or damaged) the experiment is listed again from its results
    const entry = saved ?? (await this.entryFromFolder(runId))
    if (entry !== null) await this.updateIndex((list) => [entry, ...list.filter((e) => e.id !== runId)].sort(newestFirst))
    return true
  }

  private checkId(runId: string): string {
    if (!RUN_ID.test(runId)) throw new Error(`"${runId}" is not a run id`)
    return runId
  }

  /**
   * The index as saved. No file yet is an empty history; any other read error is thrown (an index that
   * cannot be read must not be replaced by an empty one on the next write). A damaged index is kept
   * aside as history.json.bad-<time> and rebuilt from the experiment folders.
   */
  private async readIndex(): Promise<HistoryEntry[]> {
    let text: string
    try {
      text = await readFile(this.indexFile, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
    const entries = parseHistoryIndex(text)
    if (entries !== null) return entries
    await rename(this.indexFile, `${this.indexFile}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    const rebuilt = await this.rebuildIndex()
    await writeJsonAtomic(this.indexFile, rebuilt)
    return rebuilt
  }

  private async rebuildIndex(): Promise<HistoryEntry[]> {
    const ids = await readdir(this.experimentsDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return []
      throw e
    })
    const entries: HistoryEntry[] = []
    for (const id of ids.filter((name) => RUN_ID.test(name))) {
      const entry = await this.entryFromFolder(id)
      if (entry !== null) entries.push(entry)
    }
    return entries.sort(newestFirst)
  }

  /** An experiment folder's index entry from its results.json (dated by that file); null if it has none readable. */
  private async entryFromFolder(runId: string): Promise<HistoryEntry | null> {
    const file = join(this.folderOf(runId), 'results.json')
    try {
      const [results, info] = await Promise.all([readResultsFile(file), stat(file)])
      return historyEntryOf(runId, results, info.mtime.toISOString())
    } catch {
      return null
    }
  }

  private updateIndex(change: (entries: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    return this.serialized(async () => {
      await writeJsonAtomic(this.indexFile, change(await this.readIndex()))
    })
  }

  /** Index reads and writes run one after another: two runs finishing together must not lose an entry. */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.indexQueue.then(work)
    this.indexQueue = next.catch(() => undefined)
    return next
  }
}

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return b.createdAt.localeCompare(a.createdAt)
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
