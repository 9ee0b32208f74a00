// history.json: the list view's index of experiments. It is a cache of what the experiment folders hold,
// so a damaged index is checked here and rebuilt from the folders rather than trusted or dropped.
import { z } from 'zod'
import { VARIANTS } from '../../src-shared/profile/schema'
import type { HistoryEntry } from '../../src-shared/api'
import { parseJsonWith } from './json-with-schema'
import type { ExperimentResults } from '../../src-shared/results/types'
import { experimentStatus } from '../../src-shared/results/experiment-status'
import { RESULTS_ENGINES, resultsEngine } from '../../src-shared/results/engine-label'
import { summaryRows } from '../../src-shared/results/summary-table'
import { sweepLabel } from '../../src-shared/results/sweep-point'
import { pointName } from '../../src-shared/profile/field-names'

/** a headline number: a mean over seeds (so not always whole); NaN (no drain, no task) is saved as null */
const headlineNumber = z.number().nonnegative().nullable().transform((v) => v ?? Number.NaN)

const historyEntrySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: z.string().min(1),
  variants: z.array(z.enum(VARIANTS)),
  seeds: z.array(z.number().int()),
  status: z.enum(['completed', 'partial', 'failed', 'cancelled']),
  engine: z.enum(RESULTS_ENGINES).optional(),
  headline: z.array(z.strictObject({ variant: z.enum(VARIANTS), sweep: z.string().optional(), misses: headlineNumber, latencyMaxNs: headlineNumber, drainP99Ns: headlineNumber, stalled: headlineNumber }))
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

/** A row per variant, and per sweep point of a sweep, named as people read it (field-names.ts): every point shows. */
function historyHeadline(results: ExperimentResults): HistoryEntry['headline'] {
  const points = new Map(results.jobs.map((j) => [sweepLabel(j.sweepPoint), j.sweepPoint]))
  return summaryRows(results).map((row) => {
    const point = points.get(row.sweep)
    return {
      variant: row.variant,
      ...(point ? { sweep: pointName(point.values, results.profile) } : {}),
      misses: row.values.misses, latencyMaxNs: row.values.latencyMaxNs, drainP99Ns: row.values.drainP99Ns, stalled: row.values.stalled
    }
  })
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
    engine: resultsEngine(results),
    headline: historyHeadline(results)
  }
}
