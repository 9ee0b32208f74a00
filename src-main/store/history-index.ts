// history.json: the list view's index of experiments. It is a cache of what the experiment folders hold,
// so a damaged index is checked here and rebuilt from the folders rather than trusted or dropped.
import { z } from 'zod'
import { VARIANTS } from '../../src-shared/profile/schema'
import type { HistoryEntry } from '../../src-shared/api'
import { parseJsonWith } from './json-with-schema'
import type { ExperimentResults } from '../../src-shared/results/types'
import { experimentStatus } from '../../src-shared/results/experiment-status'
import { summaryRows } from '../../src-shared/results/summary-table'

/** a headline number: a mean over seeds (so not always whole); NaN (no drain, no task) is saved as null */
const headlineNumber = z.number().nonnegative().nullable().transform((v) => v ?? Number.NaN)

const historyEntrySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string().min(1),
  variants: z.array(z.enum(VARIANTS)),
  seeds: z.array(z.number().int()),
  status: z.enum(['completed', 'partial', 'failed', 'cancelled']),
  headline: z.array(z.strictObject({ variant: z.enum(VARIANTS), misses: headlineNumber, latencyMaxNs: headlineNumber, drainP99Ns: headlineNumber, stalled: headlineNumber }))
}) satisfies z.ZodType<HistoryEntry>

const historyIndexSchema = z.array(historyEntrySchema)

/** The entries of a history.json text, or null when it is not a valid index (broken JSON or a wrong shape). */
export function parseHistoryIndex(text: string): HistoryEntry[] | null {
  return parseJsonWith(historyIndexSchema, text)
}

/** The entry a deleted experiment keeps in the trash (history-entry.json), or null when it is damaged. */
export function parseHistoryEntry(text: string): HistoryEntry | null {
  return parseJsonWith(historyEntrySchema, text)
}

function historyHeadline(results: ExperimentResults): HistoryEntry['headline'] {
  const seen = new Set<string>()
  const headline: HistoryEntry['headline'] = []
  for (const row of summaryRows(results)) {
    if (seen.has(row.variant)) continue
    seen.add(row.variant)
    headline.push({ variant: row.variant, misses: row.values.misses, latencyMaxNs: row.values.latencyMaxNs, drainP99Ns: row.values.drainP99Ns, stalled: row.values.stalled })
  }
  return headline
}

/** `status` defaults to what the jobs say (an index rebuilt from the folders has nothing else to go by). */
export function historyEntryOf(id: string, results: ExperimentResults, createdAt: string, status = experimentStatus(results.jobs)): HistoryEntry {
  return {
    id,
    name: results.profile.name,
    createdAt,
    variants: [...results.profile.kernel.variants],
    seeds: [...results.profile.run.seeds],
    status,
    headline: historyHeadline(results)
  }
}
