// Bug 5 ("Nothing lost"): every profile the schema accepts must run. Valid profiles with each number drawn
// from its whole accepted range, its bounds included, each run by the engine on a short simulated time: every
// run must end, its results pass the results schema and survive a JSON round trip (no Infinity, no NaN).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateJobEvents } from '../../src-shared/profile/estimate'
import {
  DL_PERIOD_MAX_US, DL_PERIOD_MIN_US, DL_RUNTIME_MIN_US, INT_MAX, MAX_CFS_SLICE_US, MAX_COST_NS, MAX_DRAIN_RATE_PER_SEC, MAX_DURATION_US, MAX_INITIAL_PCP_PAGES, MAX_PAGE_RATE_PER_SEC,
  MIN_DURATION_US, MIN_MEMORY_GIB, MIN_RUN_MS
} from '../../src-shared/profile/limits'
import { meanRuntimeUs } from '../../src-shared/profile/rules'
import { managedPagesOf } from '../../src-shared/profile/managed-pages'
import { profileObjectSchema, VARIANTS, type Distribution, type Profile, type ProfileInput } from '../../src-shared/profile/schema'
import { zoneBatchsize } from '../../src-shared/kernel/zone-batchsize'
import { validateProfile } from '../../src-shared/profile/validate'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { experimentResultsSchema } from '../../src-shared/results/results-schema'
import type { JobResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'

/** Events one fuzzed run may cost by the estimate: the simulated time is cut to fit, so each run takes milliseconds. */
const EVENT_BUDGET = 20_000
/** The longest fuzzed run, simulated. */
const MAX_FUZZ_RUN_MS = 5

/** A number in [min, max]: either bound, or anywhere between on a log scale (so tiny and huge values both come up). */
function inRange(min: number, max: number, integer = false): fc.Arbitrary<number> {
  const low = Math.max(min, integer ? 1 : 1e-6)
  const between = fc.double({ min: Math.log(low), max: Math.log(max), noNaN: true }).map((l) => Math.min(max, Math.max(min, Math.exp(l))))
  const value = fc.oneof(fc.constant(min), fc.constant(max), between, between)
  return integer ? value.map((v) => Math.min(max, Math.max(min, Math.round(v)))) : value
}

/** A fraction in [0, 1) that picks a point inside a range drawn elsewhere. */
const share = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.999, noNaN: true }))

const taskArb = fc.record({
  mode: fc.constantFrom('periodic' as const, 'polling' as const),
  periodUs: inRange(MIN_DURATION_US, MAX_DURATION_US),
  utilisation: fc.double({ min: 0, max: 1, noNaN: true }),
  deadlineShare: fc.option(share, { nil: undefined }),
  dist: fc.constantFrom('number', 'fixed', 'uniform', 'lognormal'),
  sigma: fc.double({ min: 0, max: 3, noNaN: true }),
  allocsPerJob: fc.oneof(fc.constant(0), inRange(0, 1_048_576, true)),
  initialPcpPages: inRange(0, MAX_INITIAL_PCP_PAGES, true),
  priority: fc.integer({ min: 1, max: 99 }),
  missPolicy: fc.constantFrom('continue' as const, 'skip-next' as const, 'abort-job' as const)
})

const costArb = inRange(0, MAX_COST_NS)

const generated = fc.record({
  cpus: fc.integer({ min: 2, max: 12 }),
  isolated: fc.integer({ min: 0, max: 11 }),
  memoryGiB: inRange(MIN_MEMORY_GIB, 65536),
  pageSizeKiB: fc.constantFrom(4 as const, 16 as const, 64 as const),
  hz: fc.constantFrom(100 as const, 250 as const, 300 as const, 1000 as const),
  llcShared: fc.boolean(),
  tasks: fc.array(taskArb, { maxLength: 4 }),
  policy: fc.constantFrom('none' as const, 'rt-throttling' as const, 'fair-server' as const, 'stalld' as const),
  rtPeriodUs: inRange(1, INT_MAX, true),
  rtRuntimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  fairPeriodUs: inRange(DL_PERIOD_MIN_US, DL_PERIOD_MAX_US),
  fairRuntimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  stalldThresholdUs: inRange(MIN_DURATION_US, MAX_DURATION_US),
  stalldPeriodUs: inRange(DL_PERIOD_MIN_US, DL_PERIOD_MAX_US),
  stalldRuntimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  stalldDurationUs: inRange(MIN_DURATION_US, MAX_DURATION_US),
  batch: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  high: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  highFraction: fc.oneof(fc.constant(0), inRange(8, INT_MAX, true)),
  autotune: fc.boolean(),
  batchScaleMax: fc.integer({ min: 0, max: 6 }),
  thpFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  ipiOnQueue: fc.constantFrom('always' as const, 'cross-llc' as const, 'never' as const),
  costs: fc.array(costArb, { minLength: 12, maxLength: 12 }),
  cacheRefillNs: inRange(0, 5000),
  fastPathOverhead: fc.double({ min: 0, max: 1, noNaN: true }),
  alloc: inRange(0, MAX_PAGE_RATE_PER_SEC),
  free: inRange(0, MAX_PAGE_RATE_PER_SEC),
  hkInitial: fc.option(inRange(0, MAX_INITIAL_PCP_PAGES, true), { nil: undefined }),
  cfsRunnable: inRange(0, 10_000, true),
  cfsSliceUs: inRange(MIN_DURATION_US, MAX_CFS_SLICE_US),
  sources: fc.array(fc.record({
    kind: fc.constantFrom('reclaim' as const, 'cma' as const, 'compaction' as const, 'offline' as const, 'once' as const),
    rate: inRange(0, MAX_DRAIN_RATE_PER_SEC),
    at: share
  }), { maxLength: 3 }),
  durationMs: inRange(MIN_RUN_MS, MAX_FUZZ_RUN_MS),
  warmupShare: share,
  timelineWindowMs: inRange(1e-6, 1000),
  seriesShare: fc.double({ min: 0.01, max: 1, noNaN: true })
})

type Generated = typeof generated extends fc.Arbitrary<infer G> ? G : never

/** A manual high equal to the effective batch is refused (nr_pcp_free() would free nothing): one page less. */
function notBatch(high: number, batch: number | 'auto', memoryGiB: number, pageSizeKiB: 4 | 16 | 64): number {
  const managed = managedPagesOf({ machine: { memoryGiB, pageSizeKiB } as Profile['machine'] })
  const effective = batch === 'auto' ? zoneBatchsize(managed, pageSizeKiB) : batch
  return high === effective ? high - 1 : high
}

function runtimeOf(t: Generated['tasks'][number]): number | Distribution {
  // a mean runtime at or under the period (the utilisation rule), never under the engine's 1 ns
  const mean = Math.max(MIN_DURATION_US, t.periodUs * t.utilisation)
  switch (t.dist) {
    case 'number': return mean
    case 'fixed': return { dist: 'fixed', valueUs: mean }
    case 'uniform': return { dist: 'uniform', minUs: mean, maxUs: mean }
    default: return { dist: 'lognormal', medianUs: Math.max(MIN_DURATION_US, mean / Math.exp((t.sigma * t.sigma) / 2)), sigma: t.sigma }
  }
}

/** A valid profile by construction: every cross-field rule is met by how the numbers are combined. */
function profileOf(g: Generated): ProfileInput {
  const isolatedCount = Math.min(g.cpus - 1, g.isolated)
  const isolated = Array.from({ length: isolatedCount }, (_, i) => g.cpus - isolatedCount + i)
  const managed = Math.floor((g.memoryGiB * 1024 * 1024) / g.pageSizeKiB)
  const pcpMax = Math.min(managed, Math.floor(INT_MAX / 2))
  const tasks = g.tasks.slice(0, isolated.length).map((t, i) => {
    const runtimeUs = runtimeOf(t)
    // the 1 ns floor and the lognormal's rounding can lift the mean over the period: the period follows it
    const periodUs = Math.min(MAX_DURATION_US, Math.max(t.periodUs, meanRuntimeUs(runtimeUs)))
    const deadlineUs = t.deadlineShare === undefined ? undefined : Math.max(MIN_DURATION_US, periodUs * (1 - t.deadlineShare))
    return {
      name: `t${i}`, cpu: isolated[i], mode: t.mode, periodUs, runtimeUs, priority: t.priority,
      ...(deadlineUs === undefined ? {} : { deadlineUs }),
      allocsPerJob: t.allocsPerJob, initialPcpPages: t.initialPcpPages, missPolicy: t.missPolicy
    }
  })
  const [tPageLocalNs, tPageRemoteNs, tThpEntryNs, ipiNs, kworkerWakeSwitchNs, ownerCriticalSectionNs, zoneLockNs, rmqueueBulkNs, buddyOpNs, tickNs, latencyA, latencyB] = g.costs
  const durationMs = g.durationMs
  const batch = g.batch === undefined ? 'auto' as const : Math.max(1, Math.round(g.batch * pcpMax))
  return {
    schemaVersion: 1,
    machine: { cpus: g.cpus, isolated: isolated.join(','), memoryGiB: g.memoryGiB, pageSizeKiB: g.pageSizeKiB, hz: g.hz, llcShared: g.llcShared },
    kernel: {
      antiStarvation: {
        policy: g.policy,
        periodUs: g.rtPeriodUs, runtimeUs: Math.max(1, Math.floor(g.rtPeriodUs * g.rtRuntimeShare)),
        fairServerPeriodUs: g.fairPeriodUs, fairServerRuntimeUs: Math.max(MIN_DURATION_US, g.fairPeriodUs * g.fairRuntimeShare),
        stalldThresholdUs: g.stalldThresholdUs,
        stalldBoostPeriodUs: g.stalldPeriodUs, stalldBoostRuntimeUs: Math.max(DL_RUNTIME_MIN_US, g.stalldPeriodUs * g.stalldRuntimeShare),
        stalldBoostDurationUs: g.stalldDurationUs
      },
      pcp: {
        batch,
        high: g.high === undefined ? 'auto' : notBatch(Math.round(g.high * pcpMax), batch, g.memoryGiB, g.pageSizeKiB),
        highFraction: g.highFraction, autotune: g.autotune, batchScaleMax: g.batchScaleMax, thpFraction: g.thpFraction
      },
      ipiOnQueue: g.ipiOnQueue,
      costs: {
        tPageLocalNs, tPageRemoteNs, tThpEntryNs, ipiNs, kworkerWakeSwitchNs, ownerCriticalSectionNs, zoneLockNs, rmqueueBulkNs, buddyOpNs, tickNs,
        cacheRefillNs: g.cacheRefillNs, fastPathOverhead: g.fastPathOverhead,
        timerLatencyMinNs: Math.min(latencyA, latencyB), timerLatencyMaxNs: Math.max(latencyA, latencyB)
      }
    },
    rtTasks: tasks,
    housekeeping: {
      allocRatePagesPerSec: g.alloc, freeRatePagesPerSec: g.free, cfsRunnable: g.cfsRunnable, cfsSliceUs: g.cfsSliceUs,
      ...(g.hkInitial === undefined ? {} : { initialPcpPages: g.hkInitial })
    },
    drainSources: g.sources.map((s) => (s.kind === 'once' ? { kind: 'once' as const, atMs: durationMs * s.at } : { kind: s.kind, ratePerSec: s.rate })),
    run: { durationMs, warmupMs: durationMs * g.warmupShare, timelineWindowMs: g.timelineWindowMs, seriesWindowMs: durationMs * g.seriesShare }
  }
}

/**
 * The profile cut to the event budget: a shorter run of the same machine (once drains and the warm-up scale
 * with it). When even the shortest run is over, the realtime tasks' periods stretch too (utilisation falls).
 */
function withinBudget(input: ProfileInput): ProfileInput {
  const events = estimateJobEvents(profileObjectSchema.parse(input))
  const run = input.run as { durationMs: number; warmupMs: number; seriesWindowMs: number }
  if (events <= EVENT_BUDGET) return input
  const scale = Math.max(MIN_RUN_MS / run.durationMs, EVENT_BUDGET / events)
  const shorter: ProfileInput = {
    ...input,
    drainSources: input.drainSources?.map((s) => (s.atMs === undefined ? s : { ...s, atMs: s.atMs * scale })),
    run: { ...input.run, durationMs: run.durationMs * scale, warmupMs: run.warmupMs * scale, seriesWindowMs: run.seriesWindowMs * scale }
  }
  const left = estimateJobEvents(profileObjectSchema.parse(shorter))
  if (left <= EVENT_BUDGET) return shorter
  const stretch = left / EVENT_BUDGET
  return { ...shorter, rtTasks: shorter.rtTasks?.map((t) => ({ ...t, periodUs: Math.min(MAX_DURATION_US, t.periodUs * stretch) })) }
}

describe('valid profiles from the whole accepted range', () => {
  it('each runs to its end with results that pass the results schema and survive JSON', () => {
    let runs = 0
    let withTasks = 0
    fc.assert(fc.property(generated, fc.constantFrom(...VARIANTS), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (g, variant, seed) => {
      const input = withinBudget(profileOf(g))
      const checked = validateProfile(input)
      if (!checked.ok) throw new Error(`the generator made an invalid profile: ${JSON.stringify(checked.issues)}\n${JSON.stringify(input)}`)
      const result = runModel(checked.profile, variant, seed)
      runs++
      if (checked.profile.rtTasks.length > 0) withTasks++
      expect(result.partial).toBe(false)
      expect(result.simulatedNs).toBe(Math.round(checked.profile.run.durationMs * 1e6))
      expect(Math.min(...result.zoneFreePages.values)).toBeGreaterThanOrEqual(0)
      const jobs: JobResult[] = [{ id: 'fuzz', variant, seed, sweepPoint: null, status: 'completed', result }]
      const doc = { schemaVersion: 1 as const, engineVersion: result.engineVersion, profile: checked.profile, jobs, aggregates: aggregateJobs(jobs) }
      const text = JSON.stringify(doc)
      expect(JSON.parse(text)).toEqual(doc)
      const parsed = experimentResultsSchema.safeParse(JSON.parse(text))
      if (!parsed.success) throw new Error(`results fail their schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`)
    }), { numRuns: 300, seed: 20261129 })
    expect(runs).toBe(300)
    // the realtime tasks are where most rules bite: a generator that seldom makes them tests little
    expect(withTasks).toBeGreaterThan(100)
  }, 120_000)
})
