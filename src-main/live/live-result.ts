// A live run's RunResult, in the model's results format, from the workers' reports: the realtime tasks'
// latency distributions through the model's own DistributionRecorder and WindowSeriesRecorder (so charts,
// exports and Compare read them as they read a model run), the drains, the housekeeping fast path, the
// sampled pcplist and zone counts, and the live facts (host, pinning, the token count-back).
import type { Profile, RtTask, Variant } from '../../src-shared/profile/schema'
import type { BySource, DrainSourceStats, DrainsResult, LiveRunFacts, RunResult, SampledSeries, TaskResult } from '../../src-shared/results/types'
import { INTERFERENCE_SOURCES } from '../../src-shared/results/types'
import type { DerivedPcp } from '../engine/mm/pcp-params'
import { DistributionRecorder } from '../engine/metrics/distribution-recorder'
import { WindowSeriesRecorder } from '../engine/metrics/window-series'
import { ENGINE_VERSION } from '../engine/version'
import type { WorkerReport } from './worker-protocol'

export interface LiveRunRecord {
  profile: Profile
  variant: Variant
  seed: number
  pcp: DerivedPcp
  /** clock time of the start (all sample times are shifted by it) and the run's length, ns */
  startNs: number
  elapsedNs: number
  partial: boolean
  reports: WorkerReport[]
  strandedPages: SampledSeries
  zoneFreePages: SampledSeries
  facts: LiveRunFacts
}

function distribution(values: Iterable<number>): DistributionRecorder {
  const d = new DistributionRecorder()
  for (const v of values) d.record(v)
  return d
}

function taskResult(task: RtTask, report: WorkerReport, r: LiveRunRecord): TaskResult {
  const samples = report.task ?? { releaseNs: [], latencyNs: [], responseNs: [], missed: [] }
  const warmupNs = r.profile.run.warmupMs * 1e6
  const deadlineNs = Math.round((task.deadlineUs ?? task.periodUs) * 1000)
  const windowNs = Math.round(r.profile.run.seriesWindowMs * 1e6)
  const latency = new DistributionRecorder()
  const response = new DistributionRecorder()
  const slack = new DistributionRecorder()
  const maxLatency = new WindowSeriesRecorder(windowNs, r.elapsedNs, 'max')
  const misses = new WindowSeriesRecorder(windowNs, r.elapsedNs, 'sum')
  let activations = 0
  let missCount = 0
  let run = 0
  let longest = 0
  samples.releaseNs.forEach((release, i) => {
    const t = release - r.startNs
    if (t < warmupNs) return
    activations++
    latency.record(samples.latencyNs[i])
    response.record(samples.responseNs[i])
    slack.record(Math.max(0, deadlineNs - samples.responseNs[i]))
    maxLatency.record(t, samples.latencyNs[i])
    if (samples.missed[i]) {
      missCount++
      misses.record(t, 1)
      longest = Math.max(longest, ++run)
    } else run = 0
  })
  return {
    name: task.name, cpu: task.cpu, mode: task.mode, deadlineNs, activations, misses: missCount,
    missRatio: activations === 0 ? 0 : missCount / activations, longestMissRun: longest,
    latencyNs: latency.summary(), responseNs: response.summary(), slackNs: slack.summary(),
    maxLatencyPerWindowNs: maxLatency.result(r.elapsedNs), missesPerWindow: misses.result(r.elapsedNs),
    fallbacks: report.owner.fallbacks
  }
}

function drainsResult(r: LiveRunRecord): DrainsResult {
  const all = r.reports.flatMap((rep) => rep.drains)
  const completed = all.filter((d) => d.outcome === 'completed')
  const ran = all.filter((d) => d.outcome !== 'skipped')
  const stalled = all.filter((d) => d.outcome === 'stalled')
  const bySource: DrainsResult['bySource'] = {}
  for (const kind of new Set(all.map((d) => d.source))) {
    const mine = all.filter((d) => d.source === kind)
    const stats: DrainSourceStats = {
      requested: mine.length,
      completed: mine.filter((d) => d.outcome === 'completed').length,
      skipped: mine.filter((d) => d.outcome === 'skipped').length,
      stalled: mine.filter((d) => d.outcome === 'stalled').length,
      durationNs: distribution(mine.filter((d) => d.outcome === 'completed').map((d) => d.durationNs)).summary()
    }
    bySource[kind] = stats
  }
  const overTime = [...completed].sort((a, b) => a.requestNs - b.requestNs)
  return {
    requested: all.length,
    completed: completed.length,
    skipped: all.filter((d) => d.outcome === 'skipped').length,
    stalled: stalled.length,
    pagesFreed: all.reduce((sum, d) => sum + d.pages, 0),
    durationNs: distribution(completed.map((d) => d.durationNs)).summary(),
    mutexWaitNs: distribution(ran.map((d) => d.mutexWaitNs)).summary(),
    perTargetNs: distribution(ran.flatMap((d) => d.perTargetNs)).summary(),
    targets: distribution(ran.map((d) => d.targets)).summary(),
    bySource,
    overTime: { tNs: overTime.map((d) => Math.max(0, d.requestNs + d.durationNs - r.startNs)), values: overTime.map((d) => d.durationNs) },
    oldestPendingNs: stalled.reduce((max, d) => Math.max(max, d.durationNs), 0)
  }
}

/**
 * What the live run measures of model.md §6's sources on an isolated CPU: the kworker's share (work items past a
 * periodic task's release, and a polling task's boost slots) and a polling task's throttled time; the rest 0.
 */
function measuredInterference(report: WorkerReport | undefined): BySource {
  const measured: Partial<BySource> = {
    kworker: Math.round((report?.workPastReleaseNs ?? 0) + (report?.boostedNs ?? 0)),
    throttle: Math.round(report?.throttledNs ?? 0)
  }
  return Object.fromEntries(INTERFERENCE_SOURCES.map((src) => [src, measured[src] ?? 0])) as BySource
}

export function liveRunResult(r: LiveRunRecord): RunResult {
  // the profile's CPUs are the first workers; the drain sources' requesters follow
  const reportOf = (cpu: number) => r.reports.find((rep) => rep.index === cpu)
  const tasks = r.profile.rtTasks.flatMap((task) => {
    const report = reportOf(task.cpu)
    return report === undefined ? [] : [taskResult(task, report, r)]
  })
  const hkCpus = r.facts.cpus.filter((c) => c.role === 'housekeeping').map((c) => c.cpu)
  const hkReports = hkCpus.flatMap((cpu) => reportOf(cpu) ?? [])
  const perCpu = hkReports.map((rep) => ({
    cpu: rep.cpu,
    allocFastPathNs: distribution(rep.fastPathNsPerPage).summary(),
    zoneLockWaitNs: new DistributionRecorder().summary(),
    fallbacks: rep.owner.fallbacks,
    fastPathOverheadNs: 0
  }))
  const isolated = r.facts.cpus.filter((c) => c.role === 'rt' || c.role === 'idle').map((c) => c.cpu)
  const drainCpuNs = r.reports.reduce((sum, rep) => sum + rep.workNs.reduce((a, b) => a + b, 0) + rep.drains.reduce((a, d) => a + d.workNs, 0), 0)
  return {
    engineVersion: ENGINE_VERSION,
    variant: r.variant,
    seed: r.seed,
    pcp: { managedPages: r.pcp.managedPages, batch: r.pcp.batch, high: r.pcp.high, highMax: r.pcp.highMax, wmarkMin: r.pcp.wmarkMin, wmarkLow: r.pcp.wmarkLow, wmarkHigh: r.pcp.wmarkHigh },
    tasks,
    drains: drainsResult(r),
    interference: isolated.map((cpu) => ({ cpu, bySourceNs: measuredInterference(reportOf(cpu)) })),
    housekeeping: {
      allocFastPathNs: distribution(hkReports.flatMap((rep) => rep.fastPathNsPerPage)).summary(),
      zoneLockWaitNs: new DistributionRecorder().summary(),
      fallbacks: r.reports.reduce((sum, rep) => sum + rep.owner.fallbacks, 0),
      fastPathOverheadNs: 0,
      perCpu
    },
    strandedPages: r.strandedPages,
    zoneFreePages: r.zoneFreePages,
    drainCpuNs: Math.round(drainCpuNs),
    worst: null,
    events: r.reports.reduce((sum, rep) => sum + rep.operations, 0),
    simulatedNs: Math.round(r.elapsedNs),
    partial: r.partial,
    engine: 'live',
    live: r.facts
  }
}
