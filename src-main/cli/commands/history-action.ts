// What `drainlab history` and `drainlab history show` do (commands/history.ts declares them).
import { join, resolve } from 'node:path'
import { LabError, type HistoryEntry } from '../../../src-shared/api'
import { formatMetric, summaryText } from '../../../src-shared/results/summary-table'
import { flushSummaryText } from '../../../src-shared/results/flush-rows'
import { kswapdSummaryText } from '../../../src-shared/results/kswapd-summary'
import { isRunId } from '../../../src-shared/run-id'
import { recoverInterruptedRuns } from '../../lab/recover-interrupted-runs'
import { defaultDataDir } from '../../store/data-dir'
import { ExperimentStore, PROFILE_FILE, RESULTS_FILE } from '../../store/experiment-store'

export interface HistoryOptions {
  dataDir?: string
  json?: boolean
}

async function openStore(o: HistoryOptions): Promise<ExperimentStore> {
  const store = new ExperimentStore(resolve(o.dataDir ?? defaultDataDir()))
  // recovery that cannot run (a read-only folder) must not keep the history from being listed
  await recoverInterruptedRuns(store).catch(() => undefined)
  return store
}

/** JSON has no NaN: a headline number that was not measured is null, as history.json stores it. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2)
}

/** "workqueue 75.9 µs, 0 misses": each variant's worst latency and misses, the numbers History shows. */
function headlineText(entry: HistoryEntry): string {
  return entry.headline.map((h) => `${h.variant}${h.sweep ? ` at ${h.sweep}` : ''} ${formatMetric('latencyMaxNs', h.latencyMaxNs)} max, ${formatMetric('misses', h.misses)} misses`).join('; ')
}

export function historyTable(entries: HistoryEntry[]): string {
  const rows = entries.map((e) => [e.id, e.createdAt.replace('T', ' ').slice(0, 19), e.status, e.name, headlineText(e)])
  const header = ['id', 'started (UTC)', 'status', 'name', 'latency max and misses per variant']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  return [header, ...rows].map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n')
}

export async function listHistory(o: HistoryOptions): Promise<void> {
  const entries = await (await openStore(o)).listHistory()
  if (o.json) process.stdout.write(`${toJson(entries)}\n`)
  else process.stdout.write(entries.length === 0 ? 'no recorded runs\n' : `${historyTable(entries)}\n`)
}

export async function showRun(id: string, o: HistoryOptions): Promise<void> {
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
  if (results === null) {
    process.stdout.write('no results saved\n')
    return
  }
  const flushes = flushSummaryText(results)
  const kswapd = kswapdSummaryText(results)
  process.stdout.write(`${summaryText(results)}\n${flushes === '' ? '' : `\n${flushes}\n`}${kswapd === '' ? '' : `${kswapd}\n`}`)
}
