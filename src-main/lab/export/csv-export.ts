// CSV tables, one file per table, times in integer ns (lossless; spreadsheets convert units easily); a value
// nothing measured (drain times without a completed drain) is an empty cell in every table, as in summary.csv.
import { csvTable } from '../../../src-shared/csv-cell'
import { classWidthNs, linearClasses, mergeHdr, recordedValues } from '../../../src-shared/results/hdr-decode'
import { exactRange, percentileLadder } from '../../../src-shared/results/percentile-ladder'
import { HEADLINE_METRICS, headlineOf, unmeasuredMetrics, type HeadlineMetric } from '../../../src-shared/results/headline'
import { summaryRows } from '../../../src-shared/results/summary-table'
import { sweepKey, sweepLabel } from '../../../src-shared/results/sweep-point'
import type { DistributionNs, ExperimentResults, JobResult } from '../../../src-shared/results/types'

export interface CsvTable {
  name: string
  text: string
}

const MAX_HISTOGRAM_CLASSES = 1000

/** Each variant's (and sweep point's) distribution over its completed jobs, merged, for histograms.csv and percentiles.csv. */
function mergedDistributions(results: ExperimentResults, pick: (job: JobResult) => DistributionNs[]): Array<{ variant: string; sweep: string | null; dists: DistributionNs[]; h: NonNullable<ReturnType<typeof mergeHdr>> }> {
  const groups = new Map<string, { variant: string; sweep: string | null; dists: DistributionNs[] }>()
  for (const job of results.jobs) {
    if (job.status !== 'completed' || job.result === undefined) continue
    const key = `${job.variant}\u0000${sweepKey(job.sweepPoint)}`
    const g = groups.get(key) ?? { variant: job.variant, sweep: sweepLabel(job.sweepPoint), dists: [] }
    g.dists.push(...pick(job))
    groups.set(key, g)
  }
  return [...groups.values()].flatMap((g) => {
    const h = mergeHdr(g.dists.map((d) => d.hdr))
    return h === null ? [] : [{ ...g, h }]
  })
}

function histogramRows(results: ExperimentResults, kind: string, pick: (job: JobResult) => DistributionNs[]): unknown[][] {
  return mergedDistributions(results, pick).flatMap(({ variant, sweep, h }) => {
    const width = classWidthNs(Math.max(1, h.maxValue), MAX_HISTOGRAM_CLASSES, 1000)
    return linearClasses(recordedValues(h), width).filter((c) => c.count > 0).map((c) => [variant, sweep, kind, c.fromNs, c.fromNs + width, c.count])
  })
}

/** The percentiles the UI's percentile charts export, in ns: the same ladder, 100 being the maximum. */
function percentileRows(results: ExperimentResults, kind: string, pick: (job: JobResult) => DistributionNs[]): unknown[][] {
  return mergedDistributions(results, pick).flatMap(({ variant, sweep, dists, h }) => percentileLadder(h, exactRange(dists)).map((p) => [variant, sweep, kind, p.percentile, p.valueNs]))
}

/**
 * model.md §6 per housekeeping CPU: one row per job and CPU, with the job's status and whether its run was cut
 * short (as in jobs.csv: a cancelled job's numbers cover less time); a job saved before perCpu existed has none.
 */
function housekeepingRows(results: ExperimentResults): unknown[][] {
  const rows: unknown[][] = []
  for (const j of results.jobs) {
    const sweep = sweepLabel(j.sweepPoint)
    for (const c of j.result?.housekeeping.perCpu ?? []) {
      rows.push([j.variant, sweep, j.seed, j.status, j.result?.partial === true, c.cpu, c.allocFastPathNs.p50, c.allocFastPathNs.p99, c.allocFastPathNs.max,
        c.zoneLockWaitNs.p50, c.zoneLockWaitNs.p99, c.zoneLockWaitNs.max, c.fallbacks, c.fastPathOverheadNs])
    }
  }
  return rows
}

export function csvTables(results: ExperimentResults): CsvTable[] {
  const tables: CsvTable[] = []
  tables.push({
    name: 'summary.csv',
    text: csvTable(['variant', 'sweep', 'seeds', 'failed', 'cancelled', ...HEADLINE_METRICS],
      summaryRows(results).map((r) => [r.variant, r.sweep, r.seeds, r.failed, r.cancelled, ...HEADLINE_METRICS.map((m) => r.values[m])]))
  })
  tables.push({
    name: 'aggregates.csv',
    text: csvTable(['variant', 'sweep', 'metric', 'seeds', 'mean', 'min', 'max', 'stddev'],
      results.aggregates.map((a) => {
        const runs = results.jobs.filter((j) => j.status === 'completed' && j.variant === a.variant && sweepKey(j.sweepPoint) === sweepKey(a.sweepPoint)).map((j) => j.result)
        const stats = unmeasuredMetrics(runs).includes(a.metric as HeadlineMetric) ? [null, null, null, null] : [a.mean, a.min, a.max, a.stddev]
        return [a.variant, sweepLabel(a.sweepPoint), a.metric, a.seeds, ...stats]
      }))
  })
  tables.push({
    name: 'jobs.csv',
    text: csvTable(['id', 'variant', 'seed', 'sweep', 'status', 'partial', 'events', 'simulated_ns', ...HEADLINE_METRICS, 'error'],
      results.jobs.map((j) => {
        const h = j.result === undefined ? null : headlineOf(j.result)
        const unmeasured = unmeasuredMetrics([j.result])
        return [j.id, j.variant, j.seed, sweepLabel(j.sweepPoint), j.status, j.result?.partial ?? '', j.result?.events, j.result?.simulatedNs,
          ...HEADLINE_METRICS.map((m) => (h === null || unmeasured.includes(m) ? '' : h[m])), j.error ?? '']
      }))
  })
  tables.push({
    name: 'histograms.csv',
    text: csvTable(['variant', 'sweep', 'distribution', 'class_from_ns', 'class_to_ns', 'count'], [
      ...histogramRows(results, 'wakeup_latency', (j) => j.result!.tasks.map((t) => t.latencyNs)),
      ...histogramRows(results, 'drain_time', (j) => [j.result!.drains.durationNs])
    ])
  })
  tables.push({
    name: 'percentiles.csv',
    text: csvTable(['variant', 'sweep', 'distribution', 'percentile', 'value_ns'], [
      ...percentileRows(results, 'wakeup_latency', (j) => j.result!.tasks.map((t) => t.latencyNs)),
      ...percentileRows(results, 'drain_time', (j) => [j.result!.drains.durationNs])
    ])
  })
  const series: unknown[][] = []
  for (const j of results.jobs) {
    const r = j.result
    if (r === undefined) continue
    const sweep = sweepLabel(j.sweepPoint)
    for (const t of r.tasks) {
      t.maxLatencyPerWindowNs.values.forEach((v, i) => series.push([j.variant, sweep, j.seed, 'max_latency_per_window_ns', t.name, (i + 1) * t.maxLatencyPerWindowNs.windowNs, v]))
      t.missesPerWindow.values.forEach((v, i) => series.push([j.variant, sweep, j.seed, 'misses_per_window', t.name, (i + 1) * t.missesPerWindow.windowNs, v]))
    }
    r.strandedPages.tNs.forEach((tNs, i) => series.push([j.variant, sweep, j.seed, 'stranded_pages', '', tNs, r.strandedPages.values[i]]))
    r.drains.overTime.tNs.forEach((tNs, i) => series.push([j.variant, sweep, j.seed, 'drain_time_ns', '', tNs, r.drains.overTime.values[i]]))
  }
  tables.push({ name: 'series.csv', text: csvTable(['variant', 'sweep', 'seed', 'series', 'task', 't_ns', 'value'], series) })
  tables.push({
    name: 'housekeeping.csv',
    text: csvTable(['variant', 'sweep', 'seed', 'status', 'partial', 'cpu', 'fast_path_p50_ns', 'fast_path_p99_ns', 'fast_path_max_ns',
      'zone_lock_wait_p50_ns', 'zone_lock_wait_p99_ns', 'zone_lock_wait_max_ns', 'fallbacks', 'fast_path_overhead_ns'], housekeepingRows(results))
  })
  const params = results.profile.sweep?.parameters ?? []
  if (params.length > 0) {
    const rows = summaryRows(results)
    const points = new Map(results.jobs.map((j) => [sweepLabel(j.sweepPoint), j.sweepPoint]))
    tables.push({
      name: 'sweep.csv',
      text: csvTable(['variant', ...params.map((p) => p.path), 'seeds', ...HEADLINE_METRICS],
        rows.map((r) => {
          const point = points.get(r.sweep) ?? null
          return [r.variant, ...params.map((p) => point?.values[p.path]), r.seeds, ...HEADLINE_METRICS.map((m) => r.values[m])]
        }))
    })
  }
  return tables
}
