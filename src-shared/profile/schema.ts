// The experiment profile: the file format (`*.drainlab.json`) people write by hand and share.
// Versioned, strict (unknown keys are errors: typos must be caught), units in the names, defaults for
// everything but the essentials. Cross-field rules live in ./rules.ts.
import { z } from 'zod'

export const PROFILE_SCHEMA_VERSION = 1

export const VARIANTS = ['workqueue', 'direct', 'direct-irqon', 'direct-chunked'] as const
export type Variant = (typeof VARIANTS)[number]

export const ANTI_STARVATION_POLICIES = ['none', 'rt-throttling', 'fair-server', 'stalld'] as const
export type AntiStarvationPolicy = (typeof ANTI_STARVATION_POLICIES)[number]

export const DRAIN_SOURCE_KINDS = ['reclaim', 'cma', 'compaction', 'offline', 'once'] as const
export type DrainSourceKind = (typeof DRAIN_SOURCE_KINDS)[number]

const positive = (what: string) => z.number({ error: `${what} must be a number` }).positive(`${what} must be greater than 0`)
const nonNegative = (what: string) => z.number({ error: `${what} must be a number` }).min(0, `${what} cannot be negative`)
const count = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`)

/** A duration distribution in µs, for execution times. */
export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('fixed'), valueUs: positive('valueUs') }),
  z.strictObject({ dist: z.literal('uniform'), minUs: positive('minUs'), maxUs: positive('maxUs') })
    .refine((d) => d.maxUs >= d.minUs, { message: 'maxUs must be at least minUs', path: ['maxUs'] }),
  // log-normal by its median and the standard deviation of ln(x): a long right tail, as measured runtimes have
  z.strictObject({ dist: z.literal('lognormal'), medianUs: positive('medianUs'), sigma: z.number().min(0).max(3) })
], { error: 'dist must be "fixed", "uniform" or "lognormal"' })
export type Distribution = z.infer<typeof distributionSchema>

export const machineSchema = z.strictObject({
  cpus: z.number().int('cpus must be a whole number').min(1, 'a machine has at least 1 CPU').max(1024, 'at most 1024 CPUs'),
  /** isolcpus= / nohz_full= CPUs, kernel cpulist syntax. */
  isolated: z.string().default(''),
  /** The zone's managed memory (one ZONE_NORMAL, one node). */
  memoryGiB: positive('memoryGiB').max(65536, 'at most 64 TiB').default(16),
  pageSizeKiB: z.union([z.literal(4), z.literal(16), z.literal(64)], { error: 'pageSizeKiB must be 4, 16 or 64' }).default(4),
  hz: z.union([z.literal(100), z.literal(250), z.literal(300), z.literal(1000)], { error: 'hz must be 100, 250, 300 or 1000' }).default(1000),
  /** Housekeeping and isolated CPUs share a last-level cache: decides the IPI on queue_work_on (ttwu_queue_cond). */
  llcShared: z.boolean().default(false)
})

export const antiStarvationSchema = z.strictObject({
  policy: z.enum(ANTI_STARVATION_POLICIES, { error: `policy must be one of ${ANTI_STARVATION_POLICIES.join(', ')}` }).default('rt-throttling'),
  /** sched_rt_runtime_us / sched_rt_period_us (rt-throttling). */
  runtimeUs: positive('runtimeUs').default(950_000),
  periodUs: positive('periodUs').default(1_000_000),
  /** The 6.12+ fair server (deferred dl_server): CFS gets runtime per period once starved for period - runtime. */
  fairServerRuntimeUs: positive('fairServerRuntimeUs').default(50_000),
  fairServerPeriodUs: positive('fairServerPeriodUs').default(1_000_000),
  /** stalld: starving_threshold, then a SCHED_DEADLINE boost of boostRuntimeUs per boostPeriodUs for boostDurationUs. */
  stalldThresholdUs: positive('stalldThresholdUs').default(60_000_000),
  stalldBoostRuntimeUs: positive('stalldBoostRuntimeUs').default(20),
  stalldBoostPeriodUs: positive('stalldBoostPeriodUs').default(1_000_000),
  stalldBoostDurationUs: positive('stalldBoostDurationUs').default(3_000_000)
}).refine((a) => a.runtimeUs <= a.periodUs, { message: 'runtimeUs cannot exceed periodUs', path: ['runtimeUs'] })
  .refine((a) => a.fairServerRuntimeUs <= a.fairServerPeriodUs, { message: 'fairServerRuntimeUs cannot exceed fairServerPeriodUs', path: ['fairServerRuntimeUs'] })

export const pcpSchema = z.strictObject({
  /** pcp->batch: "auto" = zone_batchsize(). */
  batch: z.union([z.literal('auto'), z.number().int().min(1, 'batch must be at least 1')], { error: 'batch must be "auto" or a whole number ≥ 1' }).default('auto'),
  /** pcp->high: "auto" = zone_highsize(). */
  high: z.union([z.literal('auto'), z.number().int().min(0, 'high cannot be negative')], { error: 'high must be "auto" or a whole number ≥ 0' }).default('auto'),
  /** vm.percpu_pagelist_high_fraction: 0 = off, else at least 8 (MIN_PERCPU_PAGELIST_HIGH_FRACTION). */
  highFraction: z.number().int().min(0).default(0).refine((f) => f === 0 || f >= 8, 'highFraction must be 0 (off) or at least 8'),
  /** 6.7+ pcp->high auto-tuning between high_min and high_max. */
  autotune: z.boolean().default(false),
  /** CONFIG_PCP_BATCH_SCALE_MAX (0..6): caps a 6.10+ remote drain chunk at batch << this. */
  batchScaleMax: z.number().int().min(0, 'batchScaleMax is 0..6').max(6, 'batchScaleMax is 0..6').default(5),
  /** Share of pcplist pages held as THP-sized (order-9) entries; drain cost scales with entries. */
  thpFraction: z.number().min(0).max(1).default(0)
})

/** Every cost of model.md §3–4, in ns (fastPathOverhead is a fraction). */
export const costsSchema = z.strictObject({
  tPageLocalNs: nonNegative('tPageLocalNs').default(40),
  tPageRemoteNs: nonNegative('tPageRemoteNs').default(70),
  tThpEntryNs: nonNegative('tThpEntryNs').default(150),
  ipiNs: nonNegative('ipiNs').default(2000),
  kworkerWakeSwitchNs: nonNegative('kworkerWakeSwitchNs').default(8000),
  cacheRefillNs: nonNegative('cacheRefillNs').max(5000, 'cacheRefillNs is an estimate of 0–5 µs').default(2000),
  fastPathOverhead: nonNegative('fastPathOverhead').max(1, 'fastPathOverhead is a fraction (0.005 = 0.5 %)').default(0.005),
  ownerCriticalSectionNs: nonNegative('ownerCriticalSectionNs').default(300),
  zoneLockNs: nonNegative('zoneLockNs').default(30),
  rmqueueBulkNs: nonNegative('rmqueueBulkNs').default(2500),
  buddyOpNs: nonNegative('buddyOpNs').default(200),
  tickNs: nonNegative('tickNs').default(1500),
  timerLatencyMinNs: nonNegative('timerLatencyMinNs').default(1000),
  timerLatencyMaxNs: nonNegative('timerLatencyMaxNs').default(2000)
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
  costs: costsSchema.default(() => costsSchema.parse({}))
})

export const rtTaskSchema = z.strictObject({
  name: z.string().min(1, 'a task needs a name').max(64),
  cpu: z.number().int().min(0),
  priority: z.number().int().min(1, 'SCHED_FIFO priority is 1..99').max(99, 'SCHED_FIFO priority is 1..99').default(50),
  mode: z.enum(['periodic', 'polling'], { error: 'mode must be "periodic" or "polling"' }),
  periodUs: positive('periodUs'),
  runtimeUs: z.union([positive('runtimeUs'), distributionSchema]),
  deadlineUs: positive('deadlineUs').optional(),
  allocsPerJob: count('allocsPerJob').default(0),
  initialPcpPages: count('initialPcpPages').default(0),
  missPolicy: z.enum(['continue', 'skip-next', 'abort-job']).default('continue')
})
export type RtTask = z.infer<typeof rtTaskSchema>

export const housekeepingSchema = z.strictObject({
  allocRatePagesPerSec: nonNegative('allocRatePagesPerSec').default(20_000),
  freeRatePagesPerSec: nonNegative('freeRatePagesPerSec').default(20_000),
  /** pcplist pages on each housekeeping CPU at start; "auto" = halfway between batch and high. */
  initialPcpPages: z.union([z.literal('auto'), count('initialPcpPages')]).default('auto'),
  /** Other runnable SCHED_OTHER tasks per housekeeping CPU: a woken kworker waits for its turn among them (0 = it runs at once). */
  cfsRunnable: count('cfsRunnable').max(10_000, 'cfsRunnable is at most 10000').default(0),
  /** CFS/EEVDF slice per runnable task (base_slice scaled by CPUs: 3 ms at 8+ CPUs). */
  cfsSliceUs: positive('cfsSliceUs').default(3000),
  perCpu: z.array(z.strictObject({
    cpu: z.number().int().min(0),
    allocRatePagesPerSec: nonNegative('allocRatePagesPerSec').optional(),
    freeRatePagesPerSec: nonNegative('freeRatePagesPerSec').optional()
  })).default([])
})

export const drainSourceSchema = z.strictObject({
  kind: z.enum(DRAIN_SOURCE_KINDS, { error: `kind must be one of ${DRAIN_SOURCE_KINDS.join(', ')}` }),
  /** Poisson arrival rate (not for "once"). */
  ratePerSec: nonNegative('ratePerSec').optional(),
  /** When a "once" drain fires. */
  atMs: nonNegative('atMs').optional(),
  /** The housekeeping CPU the drain runs on; default the first housekeeping CPU. */
  cpu: z.number().int().min(0).optional()
})
export type DrainSource = z.infer<typeof drainSourceSchema>

export const runSchema = z.strictObject({
  durationMs: positive('durationMs').default(1000),
  warmupMs: nonNegative('warmupMs').default(0),
  seeds: z.array(z.number().int().min(0).max(2 ** 32 - 1)).min(1, 'at least one seed').default([1]),
  /** Width of the timeline excerpt around the worst sample. */
  timelineWindowMs: positive('timelineWindowMs').default(2),
  /** Window of the max-per-window and misses-per-window series (OSADL plots use 1 s or more). */
  seriesWindowMs: positive('seriesWindowMs').default(100),
  /** Check model.md §7 invariants after every event (slower). */
  checkInvariants: z.boolean().default(false)
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
  drainSources: z.array(drainSourceSchema).default([]),
  run: runSchema.default(() => runSchema.parse({})),
  sweep: sweepSchema.optional()
})

/** A profile with every default filled in: what the engine and the UI work with. */
export type Profile = z.infer<typeof profileObjectSchema>
/** A profile as written in a file: defaults may be left out. */
export type ProfileInput = z.input<typeof profileObjectSchema>
