// The results format: what one engine run produces (RunResult) and what an experiment keeps
// (ExperimentResults). Documented in docs/results-format.md. All times are integer nanoseconds.
import type { DrainSourceKind, Profile, RunAntiStarvationPolicy, Variant } from '../profile/schema'

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
export const INTERFERENCE_SOURCES = ['ipi', 'kworker', 'drain-irqoff', 'throttle', 'fallback', 'lock-spin', 'tick', 'cache-refill', 'lru-drain', 'vmstat', 'memcg-drain', 'slab-flush'] as const
/** The sources results of engine 0.5 and earlier lack: a result without them had none of that interference. */
export const FLUSH_INTERFERENCE_SOURCES = ['lru-drain', 'vmstat', 'memcg-drain', 'slab-flush'] as const
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
  bySource: Partial<Record<DrainSourceKind, DrainSourceStats>>
  /** completion time (tNs) and duration (values) of each completed drain, decimated */
  overTime: SampledSeries
  /** the oldest still-pending drain's age at the end, 0 if none */
  oldestPendingNs: number
}

/** One per-CPU flush (src-shared/kernel/per-cpu-flush.ts) over a run. */
export interface FlushStats {
  /** calls of the flush (lru: lru_add_drain_all() and lru_cache_disable(); vmstat: shepherd passes) */
  requested: number
  /** calls whose work items all finished (for a flush nobody waits on: whose items all ran) */
  completed: number
  /** calls that returned at once: drain_all_stock() found percpu_charge_mutex held, or lru_add_drain_all() found a drain that started after it had finished */
  skipped: number
  /** calls still waiting for a work item when the run ended */
  stalled: number
  /** work items queued on isolated CPUs, and on housekeeping CPUs */
  isolatedWorkItems: number
  housekeepingWorkItems: number
  /** isolated CPUs passed over by cpu_is_isolated() although they held state: each vmstat_shepherd() pass from 6.5; drain_all_stock() from 6.4, once per CPU (its FLUSHING_CACHED_CHARGE bit stays set) */
  isolatedSkipped: number
  /** targets the caller flushed itself under the target's lock (kernel.pwLocks) */
  remoteFlushes: number
  /** request -> last work item done, completed calls only */
  durationNs: DistributionNs
  /** the oldest call still waiting at the end, 0 if none */
  oldestPendingNs: number
}

export type FlushesResult = Partial<Record<'lru' | 'vmstat' | 'memcg' | 'slab', FlushStats>>

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

/**
 * A deadline miss the run timeline explains (docs/timeline.md): the job's response (release -> finish) with
 * its rtla-style breakdown, as the worst sample's. Its deadline-miss instant is at releaseNs + deadlineNs.
 */
export interface MissSample {
  task: string
  cpu: number
  releaseNs: number
  /** release -> finish, past the deadline */
  valueNs: number
  deadlineNs: number
  /** what the response was made of (interference by source, timer, the job's own run, queueing), largest first; sums to valueNs */
  breakdown: WorstSample['breakdown']
}

/**
 * The run's per-CPU timeline (docs/timeline.md): `count` segments and instants of every CPU, in no
 * particular order. The whole run when it fit in `capRecords`, else the windows around the worst sample
 * and the first deadline misses.
 */
export interface RunTimeline {
  /** the kinds `columns.kind` indexes, by name (TIMELINE_KINDS in timeline-kinds.ts) */
  kinds: string[]
  cpus: Array<{ cpu: number; role: 'isolated' | 'housekeeping' }>
  /**
   * the spans of simulated time whose records are all here: one `run` span when the whole run fit; one
   * `requested` span when the run was re-run to record a window the user asked for (RunModelOptions.timelineWindowNs)
   */
  windows: Array<{ reason: 'run' | 'worst' | 'miss' | 'requested'; fromNs: number; untilNs: number; truncated: boolean }>
  /** the most records a run keeps whole */
  capRecords: number
  /** the source of each drain_all_pages() call: drainSources[id - 1] for call `id` (the `drain` column) */
  drainSources: DrainSourceKind[]
  /**
   * The pages drain_all_pages() calls freed of CPUs' pcplists, `count` (call, CPU) pairs ordered by call and CPU,
   * for the pairs with records here; absent when none (and from results written before the engine kept them).
   * Read both forms with decodeDrainPages (drain-pages-columns.ts).
   */
  drainPagesColumns?: {
    count: number
    /** Uint32: the drain_all_pages() call (the `drain` column's id) */
    call: string
    /** Uint16 */
    cpu: string
    /** Float64, whole pages */
    pages: string
  }
  /**
   * The same pairs as triplets [call, cpu, pages, call, cpu, pages, …], as results written before
   * drainPagesColumns stored them (a JSON number array); the engine no longer writes it
   */
  drainPages?: number[]
  count: number
  /** each the base64 of a little-endian typed array of `count` values (decodeTimeline in timeline-columns.ts) */
  columns: {
    /** Uint16 */
    cpu: string
    /** Uint8 */
    kind: string
    /** Float64, whole ns */
    startNs: string
    /** Float64, whole ns; 0 for an instant */
    durationNs: string
    /** Uint32: the drain_all_pages() call the record belongs to (1, 2, … in request order), 0 for none */
    drain: string
  }
  /**
   * The first deadline misses after the warm-up (TIMELINE_MISS_SAMPLES in run-timeline.ts) and the miss with
   * the longest response, in time order, each with its breakdown; absent when the run had none and from
   * results written before the engine kept them.
   */
  misses?: MissSample[]
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
  /** engine 0.5+: whether pcp->high auto-tuned in this run (the variant's release, or the profile's override) */
  autotune?: boolean
  /** engine 0.5+: how consecutive frees and allocations scaled a zone->lock hold (VariantTraits.pcpScaling) */
  scaling?: 'free-factor' | 'free-count'
  /** engine 0.5+: start pages the profile asked for above what a CPU's lists hold at rest, not placed */
  startPagesNotPlaced?: number
  /** engine 0.7+: kswapd balances before reclaim drains (overlapping ones merged) and the simulated time after the warm-up with ZONE_RECLAIM_ACTIVE set */
  kswapdBalances?: number
  reclaimActiveNs?: number
  /** engine 0.7+, with housekeeping.dma32Share: ZONE_DMA32's pagesets, whose lists ran too (docs/model.md §2.4) */
  dma32?: { managedPages: number; batch: number; high: number; highMax: number }
}

export interface RunResult {
  engineVersion: string
  variant: Variant
  seed: number
  pcp: PcpParams
  tasks: TaskResult[]
  drains: DrainsResult
  /** the per-CPU flushes the run made (engine 0.6+; absent when it made none) */
  flushes?: FlushesResult
  interference: InterferenceResult[]
  housekeeping: HousekeepingResult
  /** Σ pcp->count over all CPUs and every zone whose lists run, sampled */
  strandedPages: SampledSeries
  zoneFreePages: SampledSeries
  /** CPU time spent on drain work, all CPUs (kworker switches and dispatch, IRQs-off drains, remote drains) */
  drainCpuNs: number
  worst: WorstSample | null
  /** absent from the live engine's runs and from results written before the timeline */
  timeline?: RunTimeline
  events: number
  simulatedNs: number
  /** true when cancelled before the end; every number covers [0, simulatedNs) */
  partial: boolean
  /** present ("live") only on a run of the live engine (run.engine "live"); a model run has none */
  engine?: 'live'
  /** present only with engine "live": the host, what pinning achieved, and the page count-back */
  live?: LiveRunFacts
}

/** One worker of a live run — a profile CPU's, or a drain source's requester on its CPU — and what pinning and chrt achieved on it. */
export interface LiveCpu {
  cpu: number
  role: 'housekeeping' | 'rt' | 'idle' | 'drainer'
  /** a drainer's source */
  source?: DrainSourceKind
  hostCpu: number
  /** the worker's kernel thread id (/proc/thread-self), null where there is none */
  tid: number | null
  /** the kernel's Cpus_allowed_list for the thread after pinning, as read back */
  cpusAllowed: string | null
  pinned: boolean
  pinError?: string
  /** the SCHED_FIFO priority asked for (run.liveFifo), null when not asked */
  fifoRequested: number | null
  /** the scheduling policy chrt -p reported after the attempt */
  policy: string | null
  fifoError?: string
  /** drain work items (drain_local_pages_wq) this CPU's worker ran */
  workItemsRun: number
  /** the owner's rmqueue_bulk() refills and free_pcppages_bulk() bulk frees, and allocations the zone could not serve either */
  refills: number
  bulkFrees: number
  allocFailures: number
  /** pcp->count when the run stopped */
  pcpCountAtEnd: number
}

/**
 * What a live run (src-main/live, docs/live-engine.md) ran on and what it achieved: real threads on this host,
 * so these facts belong to the result as much as its latencies do.
 */
export interface LiveRunFacts {
  host: {
    platform: string
    cpuModel: string
    cpuCount: number
    /** /sys/devices/system/cpu/{online,isolated,nohz_full} and /proc/cmdline as read, null where absent */
    online: string | null
    isolated: string | null
    nohzFull: string | null
    cmdline: string | null
  }
  /** the smallest step of the monotonic clock seen in consecutive reads, ns */
  clockResolutionNs: number
  mapping: { isolatedOnIsolated: boolean; note: string }
  cpus: LiveCpu[]
  /** the anti-starvation policy the live run enforced on its polling tasks ("release" resolved for the variant) */
  antiStarvation: RunAntiStarvationPolicy
  /** every page token counted back at the end */
  tokens: { total: number; inZone: number; onPcplists: number; held: number; lost: number; duplicated: number; misplaced: number }
  /** CPUs whose drain work item was still queued when the run stopped */
  workPendingAtEnd: number[]
  /** workers that did not stop on the stop flag within the grace time and were terminated */
  terminatedWorkers: number
  /** what this run did not measure or only approximated */
  notes: string[]
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

/** Where a measured results document's numbers come from (docs/measurements.md). */
export const MEASUREMENT_FORMATS = ['cyclictest-histogram', 'cyclictest-json', 'oslat-text', 'oslat-json', 'rtla-timerlat-hist', 'rtla-osnoise-hist', 'drainlab-probe'] as const
export type MeasurementFormat = (typeof MEASUREMENT_FORMATS)[number]

/** One measured thread (a cyclictest thread, an oslat or rtla CPU column): the job's task of the same index. */
export interface MeasuredTask {
  task: string
  /** the CPU the file names for it; null when the tool does not say (cyclictest -h without -a) */
  cpu: number | null
  /** samples above the histogram's last bucket: counted in the distribution at overflowFloorNs, their values unknown */
  overflows: number
  /** the smallest value an overflow can have (the histogram's limit), ns; null when there were none or the tool folds them into its last bucket */
  overflowFloorNs: number | null
}

/** One imported file (or one probe): what it says about itself, where it says it. */
export interface MeasuredFile {
  /** the file's name as given, or "probe" */
  file: string
  format: MeasurementFormat
  /** the command line the file records (cyclictest/oslat --json), absent when it does not */
  command?: string
  host?: string
  kernelRelease?: string
  /** measured span in ns when the file says it (oslat Duration, json start/end, rtla Duration) */
  durationNs?: number
  tasks: MeasuredTask[]
}

/** Kernel cost parameters fitted from a host trace (drainlab probe), for `drainlab run --calibration`. */
export interface Calibration {
  /** profile kernel.costs field -> fitted value */
  costs: Partial<Record<'tPageLocalNs' | 'tPageRemoteNs', number>>
  /** how many trace samples each value rests on */
  samples: Partial<Record<'tPageLocalNs' | 'tPageRemoteNs', number>>
  method: string
}

/**
 * Present only on a document of real measurements: imported (`drainlab import`, engine "measured") or taken on
 * this machine (`drainlab probe`, engine "host"). A simulated run has none.
 */
export interface Measurement {
  engine: 'measured' | 'host'
  /** the tool that measured: cyclictest, oslat, rtla timerlat, rtla osnoise */
  tool: string
  /** which kernel variant the jobs are filed under, and why (variant follows the kernel release) */
  variantFrom: string
  /** one per job, in job order */
  files: MeasuredFile[]
  calibration?: Calibration
  /** drainlab probe only: what it read and traced (docs/measurements.md) */
  host?: HostProbe
}

/** One zone's pcp state of /proc/zoneinfo beside the model's values for the same machine. */
export interface ZoneComparison {
  node: number
  zone: string
  managed: number
  min: number
  low: number
  high: number
  /** per CPU: pcp count, high, batch, high_min, high_max (the last two absent before 6.7) */
  cpus: Array<{ cpu: number; count: number; high: number; batch: number; highMin?: number; highMax?: number }>
  /** the model's derivePcpParams for a zone of these managed pages and this many CPUs */
  model: { batch: number; high: number; highMax: number; wmarkMin: number; wmarkLow: number; wmarkHigh: number }
  /** one line per value where machine and model disagree */
  differences: string[]
}

export interface HostProbe {
  kernelRelease: string
  minFreeKbytes: number | null
  /** calculate_min_free_kbytes() of the model for the machine's managed pages, beside the real one */
  modelMinFreeKbytes: number
  /**
   * set_recommended_min_free_kbytes() for the machine's populated zones when THP is on (null when off or
   * unknown; absent in probes before engine 0.5): the kernel runs min_free_kbytes at the larger of the two
   */
  thpMinFreeKbytes?: number | null
  percpuPagelistHighFraction: number | null
  isolated: string | null
  nohzFull: string | null
  cpus: number
  zones: ZoneComparison[]
  /** kmem:mm_page_pcpu_drain bursts (one free_pcppages_bulk each), per CPU */
  drainBursts: Array<{ cpu: number; bursts: number; pages: number; nsPerPage: DistributionNs }>
  /** workqueue:workqueue_execute_start/end pairs, per CPU and work function */
  workItems: Array<{ cpu: number; function: string; count: number; durationNs: DistributionNs }>
  /** ipi:* and sched:sched_switch counts on the measured CPUs */
  events: Record<string, number>
  traceNs: number
  /** what the probe could not read or trace, and why */
  missing: string[]
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
  /** present only on real measurements (`drainlab import`, `drainlab probe`); absent on a simulated run */
  measurement?: Measurement
}
