// The data folder: one folder per experiment (profile, results, exports), a history index for the list
// view, and a trash folder so a deletion can be undone.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryEntry, RunFinished } from '../../src-shared/api'
import type { Profile } from '../../src-shared/profile/schema'
import { summaryRows } from '../../src-shared/results/summary-table'
import type { ExperimentResults } from '../../src-shared/results/types'
import { writeFileAtomic, writeJsonAtomic } from './atomic-write'
import { serializeProfile } from './profile-file'
import { readResultsFile, writeResultsFile } from './results-file'

const RUN_ID = /^[A-Za-z0-9._-]{1,128}$/

export function historyHeadline(results: ExperimentResults): HistoryEntry['headline'] {
  const seen = new Set<string>()
  const headline: HistoryEntry['headline'] = []
  for (const row of summaryRows(results)) {
    if (seen.has(row.variant)) continue
    seen.add(row.variant)
    headline.push({ variant: row.variant, misses: row.values.misses, latencyMaxNs: row.values.latencyMaxNs, drainP99Ns: row.values.drainP99Ns, stalled: row.values.stalled })
  }
  return headline
}

export class ExperimentStore {
  readonly experimentsDir: string
  readonly trashDir: string
  private readonly indexFile: string
  /** index updates run one after another: two runs finishing together must not lose an entry */
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
    const entry: HistoryEntry = {
      id: runId,
      name: results.profile.name,
      createdAt,
      variants: [...results.profile.kernel.variants],
      seeds: [...results.profile.run.seeds],
      status,
      headline: historyHeadline(results)
    }
    await this.updateIndex((entries) => [entry, ...entries.filter((e) => e.id !== runId)])
  }

  async readResults(runId: string): Promise<ExperimentResults | null> {
    const file = join(this.folderOf(runId), 'results.json')
    if (!(await exists(file))) return null
    return readResultsFile(file)
  }

  async listHistory(): Promise<HistoryEntry[]> {
    await this.indexQueue
    return this.readIndex()
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
    const entry = await readFile(join(from, 'history-entry.json'), 'utf8')
      .then((text) => JSON.parse(text) as HistoryEntry)
      .catch(() => null)
    await mkdir(this.experimentsDir, { recursive: true })
    await rename(from, to)
    await rm(join(to, 'history-entry.json'), { force: true })
    if (entry !== null) {
      const restored = entry
      await this.updateIndex((list) => [restored, ...list.filter((e) => e.id !== runId)].sort((a, b) => b.createdAt.localeCompare(a.createdAt)))
    }
    return true
  }

  private checkId(runId: string): string {
    if (!RUN_ID.test(runId)) throw new Error(`"${runId}" is not a run id`)
    return runId
  }

  private async readIndex(): Promise<HistoryEntry[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.indexFile, 'utf8'))
      return Array.isArray(parsed) ? (parsed as HistoryEntry[]) : []
    } catch {
      return []
    }
  }

  private updateIndex(change: (entries: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
    const next = this.indexQueue.then(async () => {
      await writeJsonAtomic(this.indexFile, change(await this.readIndex()))
    })
    this.indexQueue = next.catch(() => undefined)
    return next
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
