// The results format: what one engine run produces (RunResult) and what an experiment keeps
// (ExperimentResults). Documented in docs/results-format.md. All times are integer nanoseconds.
import type { Profile, Variant } from '../profile/schema'

/** A latency-like distribution, summarised, plus the full HDR histogram for re-analysis. */
export interface DistributionNs {
  count: number
  min: number
  mean: number
  p50: number
  p99: number
  p999: number
  p9999: number
  max: number
  /** hdr-histogram-js encodeIntoCompressedBase64 of the histogram (ns, 3 significant digits). */
  hdr: string
}

/** Values per fixed window of simulated time: values[i] covers [i*windowNs, (i+1)*windowNs). */
export interface WindowSeries {
  windowNs: number
  values: number[]
}

/** Samples at irregular times, already decimated (min-max per bucket) to a bounded length. */
export interface SampledSeries {
  tNs: number[]
  values: number[]
}

/** Interference sources of model.md §6, in the order the UI stacks them. */
export const INTERFERENCE_SOURCES = ['ipi', 'kworker', 'drain-irqoff', 'throttle', 'fallback', 'lock-spin', 'tick', 'cache-refill'] as const
export type InterferenceSource = (typeof INTERFERENCE_SOURCES)[number]
export type BySource = Record<InterferenceSource, number>

export interface TaskResult {
  name: string
  cpu: number
  mode: 'periodic' | 'polling'
  deadlineNs: number
  activations: number
  misses: number
  missRatio: number
  longestMissRun: number
  /** release -> start */
  latencyNs: DistributionNs
  /** release -> finish */
  responseNs: DistributionNs
  /** deadline - response (negative on a miss; recorded as max(0, slack)) */
  slackNs: DistributionNs
  maxLatencyPerWindowNs: WindowSeries
  missesPerWindow: WindowSeries
  /** Operations (the task's allocations and frees) that failed the pcp->lock trylock (direct variants) and took the buddy path. */
  fallbacks: number
}

export interface DrainSourceStats {
  requested: number
  completed: number
  skipped: number
  stalled: number
  durationNs: DistributionNs
}

export interface DrainsResult {
  requested: number
  completed: number
  /** global drains that found pcpu_drain_mutex held and returned at once */
  skipped: number
  /** still pending when the run ended */
  stalled: number
  pagesFreed: number
  /** request -> completion, completed drains only */
  durationNs: DistributionNs
  /** time a zone drain waited for pcpu_drain_mutex */
  mutexWaitNs: DistributionNs
  /** time from a drain's start to the end of each target's drain */
  perTargetNs: DistributionNs
  targets: DistributionNs
  bySource: Partial<Record<'reclaim' | 'cma' | 'compaction' | 'offline' | 'once', DrainSourceStats>>
  /** completion time (tNs) and duration (values) of each completed drain, decimated */
  overTime: SampledSeries
  /** the oldest still-pending drain's age at the end, 0 if none */
  oldestPendingNs: number
}

export interface InterferenceResult {
  cpu: number
  bySourceNs: BySource
}

/** One lane segment of the timeline, as KernelShark or Perfetto would draw it. */
export interface TimelineSegment {
  cpu: number
  lane: 'rt' | 'kworker' | 'irq' | 'drain' | 'throttled' | 'fallback' | 'idle'
  startNs: number
  endNs: number
  label: string
}

export interface WorstSample {
  task: string
  cpu: number
  /** 'latency' (release -> start) or 'response' (release -> finish beyond the runtime) */
  metric: 'latency' | 'response'
  releaseNs: number
  valueNs: number
  /** rtla-style: what the sample was made of, largest first; sums to valueNs */
  breakdown: Array<{ source: InterferenceSource | 'timer' | 'runtime' | 'queueing'; ns: number }>
  timeline: TimelineSegment[]
}

/** One housekeeping CPU's share of HousekeepingResult (model.md §6: the spinlock cost and fallbacks per CPU). */
export interface HousekeepingCpuResult {
  cpu: number
  /** owner alloc/free fast path, ns, this CPU */
  allocFastPathNs: DistributionNs
  zoneLockWaitNs: DistributionNs
  /** this CPU's allocation and free bursts that took the buddy path */
  fallbacks: number
  /** owner fast-path time added by fastPathOverhead on this CPU's housekeeping load (after the warm-up) */
  fastPathOverheadNs: number
}

export interface HousekeepingResult {
  /** owner alloc/free fast path, ns, all housekeeping CPUs */
  allocFastPathNs: DistributionNs
  zoneLockWaitNs: DistributionNs
  /** Operations (allocation and free bursts) that failed the pcp->lock trylock (direct variants) and took the buddy path. */
  fallbacks: number
  /** owner fast-path time added by fastPathOverhead, all CPUs (after the warm-up) */
  fastPathOverheadNs: number
  /**
   * One entry per housekeeping CPU, ascending cpu; the aggregate above is these merged (its fastPathOverheadNs
   * also holds the RT tasks' share). Absent in documents saved before the engine kept it.
   */
  perCpu?: HousekeepingCpuResult[]
}

export interface PcpParams {
  managedPages: number
  batch: number
  high: number
  highMax: number
  wmarkMin: number
  wmarkLow: number
  wmarkHigh: number
}

export interface RunResult {
  engineVersion: string
  variant: Variant
  seed: number
  pcp: PcpParams
  tasks: TaskResult[]
  drains: DrainsResult
  interference: InterferenceResult[]
  housekeeping: HousekeepingResult
  /** Σ pcp->count over all CPUs, sampled */
  strandedPages: SampledSeries
  zoneFreePages: SampledSeries
  /** CPU time spent on drain work, all CPUs (kworker switches and dispatch, IRQs-off drains, remote drains) */
  drainCpuNs: number
  worst: WorstSample | null
  events: number
  simulatedNs: number
  /** true when cancelled before the end; every number covers [0, simulatedNs) */
  partial: boolean
}

export type JobStatus = 'completed' | 'failed' | 'cancelled'

export interface SweepPoint {
  /** parameter path -> value at this grid point */
  values: Record<string, number | string | boolean>
}

export interface JobResult {
  id: string
  variant: Variant
  seed: number
  sweepPoint: SweepPoint | null
  status: JobStatus
  error?: string
  result?: RunResult
}

/** Mean and spread of a headline metric across seeds, per variant (and sweep point). */
export interface Aggregate {
  variant: Variant
  sweepPoint: SweepPoint | null
  metric: string
  seeds: number
  mean: number
  min: number
  max: number
  stddev: number
}

export const RESULTS_SCHEMA_VERSION = 1

/** What a partial results document of `drainlab run --shard i/n` is a part of; `drainlab merge` checks it. */
export interface ShardInfo {
  /** 0-based shard index, below count */
  index: number
  count: number
  /** the ids of this shard's jobs, in plan order (the document's jobs) */
  jobIds: string[]
  /** SHA-256 (hex) of the canonical profile JSON, the plan's job ids and the engine version */
  fingerprint: string
}

/** One experiment: a profile × variants × seeds × sweep points. No wall-clock data inside, so a re-run is byte-identical. */
export interface ExperimentResults {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION
  engineVersion: string
  profile: Profile
  jobs: JobResult[]
  aggregates: Aggregate[]
  /** present (true) only when the run was cancelled: some jobs are cancelled, their results partial or absent */
  partial?: true
  /** present (true) only on a snapshot taken while the run is still going: it holds the jobs ended so far; never saved */
  inProgress?: true
  /** present only on one shard's partial results (`drainlab run --shard`); a merged or one-machine run has none */
  shard?: ShardInfo
}
