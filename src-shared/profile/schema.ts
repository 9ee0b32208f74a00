// The experiment profile: the file format (`*.drainlab.json`) people write by hand and share.
// Versioned, strict (unknown keys are errors: typos must be caught), units in the names, defaults for
// everything but the essentials. Cross-field rules live in ./rules.ts.
import { z } from 'zod'
import { DRAIN_SOURCE_KINDS } from './drain-source-kinds'
import {
  DL_PERIOD_MAX_US, DL_PERIOD_MIN_US, DL_RUNTIME_MIN_US, INT_MAX, MAX_ALLOCS_PER_JOB, MAX_CFS_SLICE_US, MAX_COST_NS, MAX_DRAIN_RATE_PER_SEC, MAX_DRAIN_SOURCES, MAX_KSWAPD_MS,
  MAX_DURATION_US, MAX_INITIAL_PCP_PAGES, MAX_PAGE_RATE_PER_SEC, MAX_RUN_MS, MIN_DURATION_US, MIN_MEMORY_GIB, MIN_RUN_MS
} from './limits'
import { MAX_SEEDS } from './run-limits'

export const PROFILE_SCHEMA_VERSION = 1

export const VARIANTS = ['workqueue', 'direct', 'direct-irqon', 'direct-chunked'] as const
export type Variant = (typeof VARIANTS)[number]

/** "release": the variant's kernel release's default (src-shared/kernel/variant-traits.ts): rt-throttling up to 6.11, the fair server from 6.12. */
export const ANTI_STARVATION_POLICIES = ['release', 'none', 'rt-throttling', 'fair-server', 'stalld'] as const
export type AntiStarvationPolicy = (typeof ANTI_STARVATION_POLICIES)[number]
/** The policy a run of one variant has: "release" resolved. */
export type RunAntiStarvationPolicy = Exclude<AntiStarvationPolicy, 'release'>

/** model: the discrete-event kernel model (src-main/engine); live: real threads on this host (src-main/live, docs/live-engine.md) */
export const RUN_ENGINES = ['model', 'live'] as const
export type RunEngine = (typeof RUN_ENGINES)[number]

// the drain source kinds live beside what each calls, in a module without zod: the pool worker reads them
export { DRAIN_SOURCE_KINDS, PCP_DRAIN_SOURCE_KINDS, type DrainSourceKind, type PcpDrainSourceKind } from './drain-source-kinds'

// Every number has both bounds (./limits.ts says why each): one outside them breaks the kernel's rules or the engine's arithmetic.
const number = (what: string) => z.number({ error: `${what} must be a number` })
const nonNegative = (what: string) => number(what).min(0, `${what} cannot be negative`)
const count = (what: string, max = INT_MAX) => number(what).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(max, `${what} is at most ${max}`)
/** A duration in µs: the engine turns it into whole ns, at least 1, and sums of them must stay exact. */
const micros = (what: string, min = MIN_DURATION_US, max = MAX_DURATION_US) => number(what)
  .min(min, `${what} must be at least ${min} µs${min === MIN_DURATION_US ? ' (1 ns, the engine\'s resolution)' : ''}`)
  .max(max, `${what} is at most ${max} µs${max === MAX_DURATION_US ? ' (1 hour)' : ''}`)
/** A sysctl in whole µs, as proc_dointvec_minmax reads it. */
const sysctlMicros = (what: string, sysctl: string) => number(what).int(`${what} is a whole number of µs, as ${sysctl}`)
  .min(1, `${what} must be at least 1 µs`).max(INT_MAX, `${what} is at most ${INT_MAX} µs (${sysctl} is an int)`)
/** A SCHED_DEADLINE period: the fair server's (kernel/sched/debug.c) and stalld's boost (__checkparam_dl) share the range. */
const dlPeriod = (what: string) => micros(what, DL_PERIOD_MIN_US, DL_PERIOD_MAX_US)
const cost = (what: string) => nonNegative(what).max(MAX_COST_NS, `${what} is at most ${MAX_COST_NS} ns (1 ms)`)
const pageRate = (what: string) => nonNegative(what).max(MAX_PAGE_RATE_PER_SEC, `${what} is at most ${MAX_PAGE_RATE_PER_SEC} pages/s (4 TB/s of 4 KiB pages)`)
/** A window of simulated time in ms: at least 1 ns, at most the longest run. */
const windowMs = (what: string) => number(what).min(1e-6, `${what} must be at least 0.000001 ms (1 ns)`).max(MAX_RUN_MS, `${what} is at most ${MAX_RUN_MS} ms (1 hour)`)

/** A duration distribution in µs, for execution times. */
export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), valueUs: micros('valueUs') }),
  z.strictObject({ dist: z.literal('uniform'), minUs: micros('minUs'), maxUs: micros('maxUs') })
    .refine((d) => d.maxUs >= d.minUs, { message: 'maxUs must be at least minUs', path: ['maxUs'] }),
  // log-normal by its median and the standard deviation of ln(x): a long right tail, as measured runtimes have
  z.strictObject({ dist: z.literal('lognormal'), medianUs: micros('medianUs'), sigma: z.number().min(0, 'sigma is 0..3').max(3, 'sigma is 0..3') })
], { error: 'dist must be "fixed", "uniform" or "lognormal"' })
export type Distribution = z.infer<typeof distributionSchema>

export const machineSchema = z.strictObject({
  cpus: z.number().int('cpus must be a whole number').min(1, 'a machine has at least 1 CPU').max(1024, 'at most 1024 CPUs'),
  /** isolcpus= / nohz_full= CPUs, kernel cpulist syntax. */
  isolated: z.string().default(''),
  /** The node's managed memory, every zone together (one node). */
  memoryGiB: number('memoryGiB').min(MIN_MEMORY_GIB, `memoryGiB is at least ${MIN_MEMORY_GIB} (1 MiB)`).max(65536, 'at most 64 TiB').default(16),
  /**
   * Of memoryGiB, what ZONE_DMA (the first 16 MiB) and ZONE_DMA32 (up to 4 GiB, less the PCI hole) manage on
   * x86-64: 0 = one ZONE_NORMAL holds it all. The model's pcplists are ZONE_NORMAL's; the others count for
   * min_free_kbytes and its split by zone size (src-shared/profile/managed-pages.ts, docs/model.md §2).
   */
  dmaZonesMiB: nonNegative('dmaZonesMiB').max(4096, 'dmaZonesMiB is at most 4096: ZONE_DMA and ZONE_DMA32 end at 4 GiB').default(0),
  pageSizeKiB: z.union([z.literal(4), z.literal(16), z.literal(64)], { error: 'pageSizeKiB must be 4, 16 or 64' }).default(4),
  hz: z.union([z.literal(100), z.literal(250), z.literal(300), z.literal(1000)], { error: 'hz must be 100, 250, 300 or 1000' }).default(1000),
  /** Housekeeping and isolated CPUs share a last-level cache: decides the IPI on queue_work_on (ttwu_queue_cond). */
  llcShared: z.boolean().default(false)
})

export const antiStarvationSchema = z.strictObject({
  policy: z.enum(ANTI_STARVATION_POLICIES, { error: `policy must be one of ${ANTI_STARVATION_POLICIES.join(', ')}` }).default('release'),
  /** sched_rt_runtime_us / sched_rt_period_us (rt-throttling); kernel/sched/rt.c reads both as int (-1, no throttling, is policy "none"). */
  runtimeUs: sysctlMicros('runtimeUs', 'sched_rt_runtime_us').default(950_000),
  periodUs: sysctlMicros('periodUs', 'sched_rt_period_us').default(1_000_000),
  /** The 6.12+ fair server (deferred dl_server): CFS gets runtime per period once starved for period - runtime. */
  fairServerRuntimeUs: micros('fairServerRuntimeUs', MIN_DURATION_US, DL_PERIOD_MAX_US).default(50_000),
  fairServerPeriodUs: dlPeriod('fairServerPeriodUs').default(1_000_000),
  /** stalld: starving_threshold, then a SCHED_DEADLINE boost of boostRuntimeUs per boostPeriodUs for boostDurationUs. */
  stalldThresholdUs: micros('stalldThresholdUs').default(60_000_000),
  stalldBoostRuntimeUs: micros('stalldBoostRuntimeUs', DL_RUNTIME_MIN_US, DL_PERIOD_MAX_US).default(20),
  stalldBoostPeriodUs: dlPeriod('stalldBoostPeriodUs').default(1_000_000),
  stalldBoostDurationUs: micros('stalldBoostDurationUs').default(3_000_000)
}).refine((a) => a.runtimeUs <= a.periodUs, { message: 'runtimeUs cannot exceed periodUs', path: ['runtimeUs'] })
  .refine((a) => a.fairServerRuntimeUs <= a.fairServerPeriodUs, { message: 'fairServerRuntimeUs cannot exceed fairServerPeriodUs', path: ['fairServerRuntimeUs'] })
  .refine((a) => a.stalldBoostRuntimeUs <= a.stalldBoostPeriodUs, { message: 'stalldBoostRuntimeUs cannot exceed stalldBoostPeriodUs (__checkparam_dl)', path: ['stalldBoostRuntimeUs'] })

export const pcpSchema = z.strictObject({
  /** pcp->batch: "auto" = zone_batchsize(). An int in struct per_cpu_pages; ./rules.ts also keeps it within the zone. */
  batch: z.union([z.literal('auto'), count('batch').min(1, 'batch must be at least 1')], { error: 'batch must be "auto" or a whole number ≥ 1' }).default('auto'),
  /** pcp->high: "auto" = zone_highsize(). An int in struct per_cpu_pages; ./rules.ts also keeps it within the zone. */
  high: z.union([z.literal('auto'), count('high')], { error: 'high must be "auto" or a whole number ≥ 0' }).default('auto'),
  /** vm.percpu_pagelist_high_fraction: 0 = off, else MIN_PERCPU_PAGELIST_HIGH_FRACTION (8) to INT_MAX (an int sysctl). */
  highFraction: count('highFraction').default(0).refine((f) => f === 0 || f >= 8, 'highFraction must be 0 (off) or at least 8'),
  /**
   * 6.7+ pcp->high auto-tuning between high_min and high_max: "release" = as the variant's kernel release
   * has it (src-shared/kernel/variant-traits.ts), true or false to override it for every variant.
   */
  autotune: z.union([z.literal('release'), z.boolean()], { error: 'autotune must be "release", true or false' }).default('release'),
  /** CONFIG_PCP_BATCH_SCALE_MAX (0..6): caps a 6.10+ remote drain chunk at batch << this. */
  batchScaleMax: z.number().int().min(0, 'batchScaleMax is 0..6').max(6, 'batchScaleMax is 0..6').default(5),
  /** Share of pcplist pages held as THP-sized (order-9) entries; drain cost scales with entries. */
  thpFraction: z.number().min(0, 'thpFraction is 0..1').max(1, 'thpFraction is 0..1').default(0)
})

/** Every cost of model.md §3–4, in ns (fastPathOverhead is a fraction). */
export const costsSchema = z.strictObject({
  tPageLocalNs: cost('tPageLocalNs').default(40),
  tPageRemoteNs: cost('tPageRemoteNs').default(70),
  tThpEntryNs: cost('tThpEntryNs').default(150),
  ipiNs: cost('ipiNs').default(2000),
  kworkerWakeSwitchNs: cost('kworkerWakeSwitchNs').default(8000),
  cacheRefillNs: nonNegative('cacheRefillNs').max(5000, 'cacheRefillNs is an estimate of 0–5 µs').default(2000),
  fastPathOverhead: nonNegative('fastPathOverhead').max(1, 'fastPathOverhead is a fraction (0.005 = 0.5 %)').default(0.005),
  ownerCriticalSectionNs: cost('ownerCriticalSectionNs').default(300),
  zoneLockNs: cost('zoneLockNs').default(30),
  rmqueueBulkNs: cost('rmqueueBulkNs').default(2500),
  buddyOpNs: cost('buddyOpNs').default(200),
  tickNs: cost('tickNs').default(1500),
  timerLatencyMinNs: cost('timerLatencyMinNs').default(1000),
  timerLatencyMaxNs: cost('timerLatencyMaxNs').default(2000),
  // the per-CPU flushes' work functions, measured on a 6.18 VM with the workqueue tracepoints (docs/model.md §10.4)
  /** lru_add_drain_per_cpu with an empty batch: the local lock, the batch checks */
  lruDrainNs: cost('lruDrainNs').default(1000),
  /** each folio lru_add_drain_per_cpu moves to the LRU (folio_batch_move_lru) */
  lruFolioNs: cost('lruFolioNs').default(300),
  /** vmstat_update: refresh_cpu_vm_stats() folding the CPU's differentials */
  vmstatUpdateNs: cost('vmstatUpdateNs').default(6000),
  /** drain_local_stock: the CPU's memcg charge stock returned */
  memcgDrainNs: cost('memcgDrainNs').default(3000),
  /** flush_cpu_slab: the CPU slab and partial list of one cache returned */
  slabFlushNs: cost('slabFlushNs').default(7000)
}).refine((c) => c.timerLatencyMaxNs >= c.timerLatencyMinNs, { message: 'timerLatencyMaxNs must be at least timerLatencyMinNs', path: ['timerLatencyMaxNs'] })

export const kernelSchema = z.strictObject({
  variants: z.array(z.enum(VARIANTS, { error: `a variant is one of ${VARIANTS.join(', ')}` }))
    .min(1, 'choose at least one variant')
    .refine((v) => new Set(v).size === v.length, 'a variant is listed twice')
    .default([...VARIANTS]),
  antiStarvation: antiStarvationSchema.default(() => antiStarvationSchema.parse({})),
  pcp: pcpSchema.default(() => pcpSchema.parse({})),
  /** Whether queue_work_on IPIs the isolated CPU: always, only across LLCs (ttwu_queue_cond), or never. */
  ipiOnQueue: z.enum(['always', 'cross-llc', 'never']).default('cross-llc'),
  /**
   * Leonardo Bras's Per-CPU Work helpers (pw_queue_on(), "[PATCH v4 0/4] Introduce Per-CPU Work helpers",
   * linux-mm, May 2026; not merged): the LRU and SLUB flushes take the target CPU's per-CPU lock and do its
   * work from the caller's CPU instead of queueing it there (docs/model.md §10.3). On any variant.
   */
  pwLocks: z.boolean().default(false),
  /**
   * CONFIG_PREEMPT_RT (mainline on x86, arm64 and riscv from 6.12; the RT patch set before): local_lock_t and
   * spinlock_t sleep with priority inheritance and keep IRQs on, so a kworker's work function on an isolated CPU
   * is preemptible by its realtime task — unless the task's job needs the lock it holds (docs/model.md §3.1).
   */
  preemptRt: z.boolean().default(false),
  /**
   * transparent_hugepage "always" or "madvise": khugepaged's set_recommended_min_free_kbytes() raises
   * min_free_kbytes to 11 pageblocks per populated zone (at most 5 % of memory), raising every watermark.
   */
  thp: z.boolean().default(false),
  costs: costsSchema.default(() => costsSchema.parse({}))
})

export const rtTaskSchema = z.strictObject({
  name: z.string().min(1, 'a task needs a name').max(64),
  cpu: count('cpu', 1023),
  priority: z.number().int().min(1, 'SCHED_FIFO priority is 1..99').max(99, 'SCHED_FIFO priority is 1..99').default(50),
  mode: z.enum(['periodic', 'polling'], { error: 'mode must be "periodic" or "polling"' }),
  periodUs: micros('periodUs'),
  runtimeUs: z.union([micros('runtimeUs'), distributionSchema]),
  deadlineUs: micros('deadlineUs').optional(),
  allocsPerJob: count('allocsPerJob', MAX_ALLOCS_PER_JOB).default(0),
  initialPcpPages: count('initialPcpPages', MAX_INITIAL_PCP_PAGES).default(0),
  missPolicy: z.enum(['continue', 'skip-next', 'abort-job']).default('continue'),
  // the per-CPU state each job leaves on its CPU, which makes the CPU a target of a per-CPU flush (docs/model.md §10.2)
  /** folios each job adds to its CPU's LRU batches (page faults on new anonymous memory, mlock): lru_add_drain_all() targets */
  lruFoliosPerJob: count('lruFoliosPerJob', MAX_ALLOCS_PER_JOB).default(0),
  /** each job changes vmstat counters (syscalls, page cache): vmstat_shepherd() targets the CPU until vmstat_update folds them; a job with lruFoliosPerJob does anyway (NR_ANON_MAPPED, LRU sizes) */
  dirtiesVmstat: z.boolean().default(false),
  /** the task runs in a memory cgroup and charges memory in its jobs: a charge stock stays on its CPU for drain_all_stock() */
  chargesMemcg: z.boolean().default(false),
  /** each job allocates slab objects: its CPU holds a CPU slab that flush_all() flushes */
  allocatesSlab: z.boolean().default(false)
})
export type RtTask = z.infer<typeof rtTaskSchema>

export const housekeepingSchema = z.strictObject({
  allocRatePagesPerSec: pageRate('allocRatePagesPerSec').default(20_000),
  freeRatePagesPerSec: pageRate('freeRatePagesPerSec').default(20_000),
  /** pcplist pages on each housekeeping CPU at start; "auto" = halfway between batch and high. */
  initialPcpPages: z.union([z.literal('auto'), count('initialPcpPages', MAX_INITIAL_PCP_PAGES)]).default('auto'),
  /**
   * Share of each housekeeping CPU's allocations and frees that are ZONE_DMA32 pages (its pcplists in that
   * zone; needs machine.dmaZonesMiB above 16): 0 = all ZONE_NORMAL.
   */
  dma32Share: number('dma32Share').min(0, 'dma32Share cannot be negative').max(1, 'dma32Share is a share: at most 1').default(0),
  /** Other runnable SCHED_OTHER tasks per housekeeping CPU: a woken kworker waits for its turn among them (0 = it runs at once). */
  cfsRunnable: count('cfsRunnable').max(10_000, 'cfsRunnable is at most 10000').default(0),
  /** CFS/EEVDF slice per runnable task (base_slice scaled by CPUs: 3 ms at 8+ CPUs). */
  cfsSliceUs: micros('cfsSliceUs', MIN_DURATION_US, MAX_CFS_SLICE_US).default(3000),
  perCpu: z.array(z.strictObject({
    cpu: count('cpu', 1023),
    allocRatePagesPerSec: pageRate('allocRatePagesPerSec').optional(),
    freeRatePagesPerSec: pageRate('freeRatePagesPerSec').optional()
  })).max(1024, 'at most one entry per CPU (1024)').default([])
})

export const drainSourceSchema = z.strictObject({
  kind: z.enum(DRAIN_SOURCE_KINDS, { error: `kind must be one of ${DRAIN_SOURCE_KINDS.join(', ')}` }),
  /** Poisson arrival rate (not for "once"). */
  ratePerSec: nonNegative('ratePerSec').max(MAX_DRAIN_RATE_PER_SEC, `ratePerSec is at most ${MAX_DRAIN_RATE_PER_SEC} (one drain per µs)`).optional(),
  /** When a "once" drain fires (./rules.ts: within the run). */
  atMs: nonNegative('atMs').max(MAX_RUN_MS, `atMs is at most ${MAX_RUN_MS} ms (1 hour)`).optional(),
  /** The housekeeping CPU the drain runs on; default the first housekeeping CPU. */
  cpu: count('cpu', 1023).optional(),
  /** reclaim only: how long before each drain kswapd's balance (ZONE_RECLAIM_ACTIVE) begins; default src-shared/kernel/kswapd-balance.ts. */
  kswapdLeadMs: nonNegative('kswapdLeadMs').max(MAX_KSWAPD_MS, `kswapdLeadMs is at most ${MAX_KSWAPD_MS} ms`).optional(),
  /** reclaim only: how long that balance holds ZONE_RECLAIM_ACTIVE; 0: none. */
  kswapdBalanceMs: nonNegative('kswapdBalanceMs').max(MAX_KSWAPD_MS, `kswapdBalanceMs is at most ${MAX_KSWAPD_MS} ms`).optional()
})
export type DrainSource = z.infer<typeof drainSourceSchema>

export const runSchema = z.strictObject({
  durationMs: number('durationMs').min(MIN_RUN_MS, `durationMs must be at least ${MIN_RUN_MS} ms (1 µs)`).max(MAX_RUN_MS, `durationMs is at most ${MAX_RUN_MS} ms (1 hour of simulated time)`).default(1000),
  warmupMs: nonNegative('warmupMs').max(MAX_RUN_MS, `warmupMs is at most ${MAX_RUN_MS} ms`).default(0),
  seeds: z.array(count('a seed', 2 ** 32 - 1)).min(1, 'at least one seed').max(MAX_SEEDS, `at most ${MAX_SEEDS} seeds per run: 1000 already give percentiles to 0.1 % (docs/limits.md)`).default([1]),
  /** Width of the timeline excerpt around the worst sample. */
  timelineWindowMs: windowMs('timelineWindowMs').default(2),
  /** Window of the max-per-window and misses-per-window series (OSADL plots use 1 s or more); ./run-limits.ts bounds the points. */
  seriesWindowMs: windowMs('seriesWindowMs').default(100),
  /** Check model.md §7 invariants after every event (slower). */
  checkInvariants: z.boolean().default(false),
  /** Which engine runs the jobs: the model, or the live engine on this machine's CPUs (one job at a time). */
  engine: z.enum(RUN_ENGINES, { error: `engine must be one of ${RUN_ENGINES.join(', ')}` }).default('model'),
  /** Live engine: run the realtime loops SCHED_FIFO at their priority (chrt -f) where the host permits. */
  liveFifo: z.boolean().default(false),
  /**
   * Live engine: a worker the host will not pin to its CPU, or a loop it will not run SCHED_FIFO when liveFifo
   * asks, fails the run before it starts; false: the run goes on and its results say what was refused.
   */
  liveRequirePinning: z.boolean().default(false)
})

export const sweepSchema = z.strictObject({
  parameters: z.array(z.strictObject({
    path: z.string().min(1, 'path names a profile field, e.g. kernel.pcp.high'),
    values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1, 'a sweep parameter needs at least one value').max(64, 'at most 64 values per parameter')
  })).min(1, 'a sweep varies one or two parameters').max(2, 'a sweep varies one or two parameters')
})

export const profileObjectSchema = z.strictObject({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION, { error: `schemaVersion must be ${PROFILE_SCHEMA_VERSION}` }),
  name: z.string().max(120).default('Untitled experiment'),
  description: z.string().max(4000).default(''),
  machine: machineSchema,
  kernel: kernelSchema.default(() => kernelSchema.parse({})),
  rtTasks: z.array(rtTaskSchema).default([]),
  housekeeping: housekeepingSchema.default(() => housekeepingSchema.parse({})),
  drainSources: z.array(drainSourceSchema).max(MAX_DRAIN_SOURCES, `at most ${MAX_DRAIN_SOURCES} drain sources`).default([]),
  run: runSchema.default(() => runSchema.parse({})),
  sweep: sweepSchema.optional()
})

/** A profile with every default filled in: what the engine and the UI work with. */
export type Profile = z.infer<typeof profileObjectSchema>
/** A profile as written in a file: defaults may be left out. */
export type ProfileInput = z.input<typeof profileObjectSchema>
