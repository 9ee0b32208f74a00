// The run-time check of a results document (types.ts, documented in docs/results-format.md): a results.json
// read back from disk is only as trustworthy as the disk, and every export, chart and LabApi answer reads
// its fields without further checks. Objects are strict because the lab is the only writer: an unknown key
// means the file was edited or comes from something else.
import { z } from 'zod'
import { profileSchema } from '../profile/rules'
import { ANTI_STARVATION_POLICIES, DRAIN_SOURCE_KINDS, VARIANTS } from '../profile/schema'
import { PER_CPU_FLUSHES } from '../kernel/per-cpu-flush'
import { base64ByteLength } from '../base64-bytes'
import { HEADLINE_METRICS } from './headline'
import { DRAIN_PAGES_COLUMN_BYTES } from './drain-pages-columns'
import { TIMELINE_COLUMN_BYTES } from './timeline-columns'
import { FLUSH_INTERFERENCE_SOURCES, INTERFERENCE_SOURCES, MEASUREMENT_FORMATS, RESULTS_SCHEMA_VERSION, type ExperimentResults } from './types'

/** Things that are counted one by one (jobs, drains, events, CPUs): whole numbers from 0. */
const count = z.number().int().min(0)
/** Times and page figures: any finite number from 0 (z.number() refuses Infinity, which JSON gives for 1e400). */
const nonNegative = z.number().min(0)
/** hdr-histogram-js encodeIntoCompressedBase64 output, decoded later by the charts and aggregate re-analysis. */
const base64 = z.string().min(1).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be a base64-encoded HDR histogram')

const variantSchema = z.enum(VARIANTS)

const distributionNsSchema = z.strictObject({
  count,
  min: nonNegative,
  mean: nonNegative,
  p50: nonNegative,
  p99: nonNegative,
  p999: nonNegative,
  p9999: nonNegative,
  max: nonNegative,
  hdr: base64
})

const windowSeriesSchema = z.strictObject({
  windowNs: z.number().positive(),
  values: z.array(nonNegative)
})

const sampledSeriesSchema = z.strictObject({
  tNs: z.array(nonNegative),
  values: z.array(nonNegative)
}).refine((s) => s.tNs.length === s.values.length, 'tNs and values must have the same length')

const interferenceSourceSchema = z.enum(INTERFERENCE_SOURCES)

const taskResultSchema = z.strictObject({
  name: z.string(),
  cpu: count,
  mode: z.enum(['periodic', 'polling']),
  deadlineNs: nonNegative,
  activations: count,
  misses: count,
  missRatio: z.number().min(0).max(1),
  longestMissRun: count,
  latencyNs: distributionNsSchema,
  responseNs: distributionNsSchema,
  slackNs: distributionNsSchema,
  maxLatencyPerWindowNs: windowSeriesSchema,
  missesPerWindow: windowSeriesSchema,
  fallbacks: count
})

const drainSourceStatsSchema = z.strictObject({
  requested: count,
  completed: count,
  skipped: count,
  stalled: count,
  durationNs: distributionNsSchema
})

const drainsResultSchema = z.strictObject({
  requested: count,
  completed: count,
  skipped: count,
  stalled: count,
  pagesFreed: nonNegative,
  durationNs: distributionNsSchema,
  mutexWaitNs: distributionNsSchema,
  perTargetNs: distributionNsSchema,
  targets: distributionNsSchema,
  bySource: z.partialRecord(z.enum(DRAIN_SOURCE_KINDS), drainSourceStatsSchema),
  overTime: sampledSeriesSchema,
  oldestPendingNs: nonNegative
})

const flushStatsSchema = z.strictObject({
  requested: count,
  completed: count,
  skipped: count,
  stalled: count,
  isolatedWorkItems: count,
  housekeepingWorkItems: count,
  isolatedSkipped: count,
  remoteFlushes: count,
  durationNs: distributionNsSchema,
  oldestPendingNs: nonNegative
})

/** A result of engine 0.5 or earlier has no per-CPU flush sources: it had none of that interference, so they read as 0. */
export const withFlushSources = (bySource: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...bySource }
  for (const source of FLUSH_INTERFERENCE_SOURCES) out[source] ??= 0
  return out
}

const interferenceResultSchema = z.strictObject({
  cpu: count,
  bySourceNs: z.preprocess((v) => (v !== null && typeof v === 'object' ? withFlushSources(v as Record<string, unknown>) : v), z.record(interferenceSourceSchema, nonNegative))
})

const timelineSegmentSchema = z.strictObject({
  cpu: count,
  lane: z.enum(['rt', 'kworker', 'irq', 'drain', 'throttled', 'fallback', 'idle']),
  startNs: nonNegative,
  endNs: nonNegative,
  label: z.string()
})

const breakdownSchema = z.array(z.strictObject({
  source: z.union([interferenceSourceSchema, z.enum(['timer', 'runtime', 'queueing'])]),
  ns: nonNegative
}))

const worstSampleSchema = z.strictObject({
  task: z.string(),
  cpu: count,
  metric: z.enum(['latency', 'response']),
  releaseNs: nonNegative,
  valueNs: nonNegative,
  breakdown: breakdownSchema,
  timeline: z.array(timelineSegmentSchema)
})

const missSampleSchema = z.strictObject({
  task: z.string(),
  cpu: count,
  releaseNs: nonNegative,
  valueNs: nonNegative,
  deadlineNs: nonNegative,
  breakdown: breakdownSchema
})

const base64Column = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

const runTimelineSchema = z.strictObject({
  kinds: z.array(z.string().min(1)).min(1).max(256),
  cpus: z.array(z.strictObject({ cpu: count, role: z.enum(['isolated', 'housekeeping']) })),
  windows: z.array(z.strictObject({ reason: z.enum(['run', 'worst', 'miss', 'requested']), fromNs: nonNegative, untilNs: nonNegative, truncated: z.boolean() })),
  capRecords: count,
  drainSources: z.array(z.enum(DRAIN_SOURCE_KINDS)),
  drainPagesColumns: z.strictObject({ count, call: base64Column, cpu: base64Column, pages: base64Column }).refine(
    (c) => DRAIN_PAGES_COLUMN_BYTES.every(([name, bytes]) => base64ByteLength(c[name]) === c.count * bytes),
    'every drainPagesColumns column must hold `count` values'
  ).optional(),
  // the form results written before drainPagesColumns have
  drainPages: z.array(count).refine((a) => a.length % 3 === 0, 'drainPages holds [call, cpu, pages] triplets').optional(),
  count,
  columns: z.strictObject({ cpu: base64Column, kind: base64Column, startNs: base64Column, durationNs: base64Column, drain: base64Column }),
  misses: z.array(missSampleSchema).optional()
}).refine(
  (t) => TIMELINE_COLUMN_BYTES.every(([name, bytes]) => base64ByteLength(t.columns[name]) === t.count * bytes),
  'every timeline column must hold `count` values'
)

const housekeepingCpuResultSchema = z.strictObject({
  cpu: count,
  allocFastPathNs: distributionNsSchema,
  zoneLockWaitNs: distributionNsSchema,
  fallbacks: count,
  fastPathOverheadNs: nonNegative
})

const housekeepingResultSchema = z.strictObject({
  allocFastPathNs: distributionNsSchema,
  zoneLockWaitNs: distributionNsSchema,
  fallbacks: count,
  fastPathOverheadNs: nonNegative,
  // optional, not migrated: a document saved before the engine kept it has no per-CPU figures to rebuild
  perCpu: z.array(housekeepingCpuResultSchema).optional()
})

const pcpParamsSchema = z.strictObject({
  managedPages: nonNegative,
  batch: nonNegative,
  high: nonNegative,
  highMax: nonNegative,
  wmarkMin: nonNegative,
  wmarkLow: nonNegative,
  wmarkHigh: nonNegative,
  // optional: engines before 0.5 (0.7 for the kswapd ones) did not record them
  autotune: z.boolean().optional(),
  scaling: z.enum(['free-factor', 'free-count']).optional(),
  startPagesNotPlaced: count.optional(),
  kswapdBalances: count.optional(),
  reclaimActiveNs: count.optional(),
  dma32: z.strictObject({ managedPages: nonNegative, batch: nonNegative, high: nonNegative, highMax: nonNegative }).optional()
})

const seedSchema = z.number().int().min(0).max(2 ** 32 - 1)

const liveCpuSchema = z.strictObject({
  cpu: count,
  role: z.enum(['housekeeping', 'rt', 'idle', 'drainer']),
  source: z.enum(DRAIN_SOURCE_KINDS).optional(),
  hostCpu: count,
  tid: count.nullable(),
  cpusAllowed: z.string().nullable(),
  pinned: z.boolean(),
  pinError: z.string().optional(),
  fifoRequested: count.nullable(),
  policy: z.string().nullable(),
  fifoError: z.string().optional(),
  workItemsRun: count,
  refills: count,
  bulkFrees: count,
  allocFailures: count,
  pcpCountAtEnd: count
})

const liveRunFactsSchema = z.strictObject({
  host: z.strictObject({
    platform: z.string(),
    cpuModel: z.string(),
    cpuCount: count,
    online: z.string().nullable(),
    isolated: z.string().nullable(),
    nohzFull: z.string().nullable(),
    cmdline: z.string().nullable()
  }),
  clockResolutionNs: nonNegative,
  mapping: z.strictObject({ isolatedOnIsolated: z.boolean(), note: z.string() }),
  cpus: z.array(liveCpuSchema),
  antiStarvation: z.enum(ANTI_STARVATION_POLICIES).exclude(['release']),
  tokens: z.strictObject({ total: count, inZone: count, onPcplists: count, held: count, lost: count, duplicated: count, misplaced: count }),
  workPendingAtEnd: z.array(count),
  terminatedWorkers: count,
  notes: z.array(z.string())
})

const runResultSchema = z.strictObject({
  engineVersion: z.string().min(1),
  variant: variantSchema,
  seed: seedSchema,
  pcp: pcpParamsSchema,
  tasks: z.array(taskResultSchema),
  drains: drainsResultSchema,
  flushes: z.partialRecord(z.enum(PER_CPU_FLUSHES), flushStatsSchema).optional(),
  interference: z.array(interferenceResultSchema),
  housekeeping: housekeepingResultSchema,
  strandedPages: sampledSeriesSchema,
  zoneFreePages: sampledSeriesSchema,
  drainCpuNs: nonNegative,
  worst: worstSampleSchema.nullable(),
  timeline: runTimelineSchema.optional(),
  events: count,
  simulatedNs: nonNegative,
  partial: z.boolean(),
  engine: z.literal('live').optional(),
  live: liveRunFactsSchema.optional()
})

const sweepPointSchema = z.strictObject({
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
})

export const jobResultSchema = z.strictObject({
  id: z.string().min(1),
  variant: variantSchema,
  seed: seedSchema,
  sweepPoint: sweepPointSchema.nullable(),
  status: z.enum(['completed', 'failed', 'cancelled']),
  error: z.string().optional(),
  result: runResultSchema.optional()
})

const headlineMetrics: ReadonlySet<string> = new Set(HEADLINE_METRICS)

const aggregateSchema = z.strictObject({
  variant: variantSchema,
  sweepPoint: sweepPointSchema.nullable(),
  // typed as string in types.ts; the summary table only understands the headline metrics
  metric: z.string().refine((m) => headlineMetrics.has(m), `must be one of ${HEADLINE_METRICS.join(', ')}`),
  seeds: z.number().int().min(1),
  mean: nonNegative,
  min: nonNegative,
  max: nonNegative,
  stddev: nonNegative
})

const shardInfoSchema = z.strictObject({
  index: count,
  count: z.number().int().min(1),
  jobIds: z.array(z.string().min(1)),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex (64 digits)')
}).refine((s) => s.index < s.count, 'index must be below count')

const measuredFileSchema = z.strictObject({
  file: z.string().min(1),
  format: z.enum(MEASUREMENT_FORMATS),
  command: z.string().optional(),
  host: z.string().optional(),
  kernelRelease: z.string().optional(),
  durationNs: nonNegative.optional(),
  tasks: z.array(z.strictObject({
    task: z.string().min(1),
    cpu: count.nullable(),
    overflows: count,
    overflowFloorNs: nonNegative.nullable()
  }))
})

const costKey = z.enum(['tPageLocalNs', 'tPageRemoteNs'])

const calibrationSchema = z.strictObject({
  costs: z.partialRecord(costKey, nonNegative),
  samples: z.partialRecord(costKey, count),
  method: z.string()
})

const zoneComparisonSchema = z.strictObject({
  node: count,
  zone: z.string().min(1),
  managed: count,
  min: count,
  low: count,
  high: count,
  cpus: z.array(z.strictObject({ cpu: count, count, high: count, batch: count, highMin: count.optional(), highMax: count.optional() })),
  model: z.strictObject({ batch: count, high: count, highMax: count, wmarkMin: count, wmarkLow: count, wmarkHigh: count }),
  differences: z.array(z.string())
})

const hostProbeSchema = z.strictObject({
  kernelRelease: z.string(),
  minFreeKbytes: count.nullable(),
  modelMinFreeKbytes: count,
  thpMinFreeKbytes: count.nullable().optional(),
  percpuPagelistHighFraction: count.nullable(),
  isolated: z.string().nullable(),
  nohzFull: z.string().nullable(),
  cpus: count,
  zones: z.array(zoneComparisonSchema),
  drainBursts: z.array(z.strictObject({ cpu: count, bursts: count, pages: count, nsPerPage: distributionNsSchema })),
  workItems: z.array(z.strictObject({ cpu: count, function: z.string(), count, durationNs: distributionNsSchema })),
  events: z.record(z.string(), count),
  traceNs: nonNegative,
  missing: z.array(z.string())
})

// optional, so every document saved before imports existed still opens
const measurementSchema = z.strictObject({
  engine: z.enum(['measured', 'host']),
  tool: z.string().min(1),
  variantFrom: z.string(),
  files: z.array(measuredFileSchema),
  calibration: calibrationSchema.optional(),
  host: hostProbeSchema.optional()
})

export const experimentResultsSchema = z.strictObject({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  engineVersion: z.string().min(1),
  profile: profileSchema,
  jobs: z.array(jobResultSchema),
  aggregates: z.array(aggregateSchema),
  partial: z.literal(true).optional(),
  inProgress: z.literal(true).optional(),
  shard: shardInfoSchema.optional(),
  measurement: measurementSchema.optional()
})

/** True when A and B are assignable to each other; the brackets stop TypeScript distributing over unions. */
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Expect<T extends true> = T

/** Fails to compile when the schema and the ExperimentResults interface drift apart, in either direction. */
export type ResultsSchemaMatchesTypes = Expect<SameType<z.output<typeof experimentResultsSchema>, ExperimentResults>>
