// drainlab history [--data-dir DIR] [--json]          the recorded runs, newest first
// drainlab history show ID [--data-dir DIR] [--json]  one run: its entry, where its files are, its summary table
// Scripts read these instead of the store's files (whose layout is the lab's business). Like the app, the
// command first recovers what a killed run left behind (see lab/recover-interrupted-runs.ts).
// Exit 0, 2 for an id that is not a run id, 1 for a run that is not recorded.
import { join, resolve } from 'node:path'
import type { Command } from 'commander'
import { LabError, type HistoryEntry } from '../../../src-shared/api'
import { formatMetric, summaryText } from '../../../src-shared/results/summary-table'
import { isRunId } from '../../../src-shared/run-id'
import { recoverInterruptedRuns } from '../../lab/recover-interrupted-runs'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore, PROFILE_FILE, RESULTS_FILE } from '../../store/experiment-store'

interface HistoryOptions {
  dataDir?: string
  json?: boolean
}

async function openStore(o: HistoryOptions): Promise<ExperimentStore> {
  const store = new ExperimentStore(resolve(o.dataDir ?? defaultDataDir()))
  await recoverInterruptedRuns(store)
  return store
}

/** JSON has no NaN: a headline number that was not measured is null, as history.json stores it. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2)
}

/** "workqueue 75.9 µs, 0 misses": each variant's worst latency and misses, the numbers History shows. */
function headlineText(entry: HistoryEntry): string {
  return entry.headline.map((h) => `${h.variant} ${formatMetric('latencyMaxNs', h.latencyMaxNs)} max, ${formatMetric('misses', h.misses)} misses`).join('; ')
}

export function historyTable(entries: HistoryEntry[]): string {
  const rows = entries.map((e) => [e.id, e.createdAt.replace('T', ' ').slice(0, 19), e.status, e.name, headlineText(e)])
  const header = ['id', 'started (UTC)', 'status', 'name', 'latency max and misses per variant']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  return [header, ...rows].map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n')
}

export function registerHistoryCommand(program: Command): void {
  const history = program
    .command('history')
    .description('list the recorded runs, newest first (show ID for one run)')
    .option('--data-dir <dir>', 'the Drain Lab data folder (default: the platform data folder)')
    .option('--json', 'print JSON (the history entries) instead of a table')
    .action(async (o: HistoryOptions) => {
      const entries = await (await openStore(o)).listHistory()
      if (o.json) process.stdout.write(`${toJson(entries)}\n`)
      else process.stdout.write(entries.length === 0 ? 'no recorded runs\n' : `${historyTable(entries)}\n`)
    })

  history
    .command('show')
    .description('one recorded run: its entry, its files and its summary table')
    .argument('<id>', 'a run id, as `drainlab history` lists it')
    // history's own options reach it wherever they stand (commander reads a parent's options first)
    .addHelpText('after', '\nOptions of history apply: --data-dir <dir>, --json (prints { entry, folder, profile, results }: the entry and file paths).')
    .action(async (id: string) => {
      const o = history.opts<HistoryOptions>()
      if (!isRunId(id)) throw new LabError('invalid-request', `"${id}" is not a run id (they look like 20261129-101500-name-0a1b; see drainlab history)`)
      const store = await openStore(o)
      const entry = (await store.listHistory()).find((e) => e.id === id)
      if (entry === undefined) throw new LabError('not-found', `no recorded run ${id} in ${store.dataDir}`)
      const folder = await store.folderOf(id)
      const files = { folder, profile: join(folder, PROFILE_FILE), results: join(folder, RESULTS_FILE) }
      if (o.json) {
        process.stdout.write(`${toJson({ entry, ...files })}\n`)
        return
      }
      const results = await store.readResults(id)
      process.stdout.write(`${entry.name} — ${entry.status}, started ${entry.createdAt}\n`)
      process.stdout.write(`variants ${entry.variants.join(', ')}; seeds ${entry.seeds.join(', ')}\n`)
      process.stdout.write(`profile  ${files.profile}\nresults  ${files.results}\n\n`)
      process.stdout.write(results === null ? 'no results saved\n' : `${summaryText(results)}\n`)
    })
}
