// The jobs of the engine's results identity (scripts/engine-identity.ts, tests/engine/engine-identity.test.ts):
// every preset, a small profile per anti-starvation policy and task mode, and the heavy housekeeping
// scenario, × every variant × seeds 1 and 2, a short run each; one SHA-256 of the serialised RunResult per
// job — without `events`, the engine's own count of the events it handled, which an engine that
// aggregates work changes without changing a result, without `engineVersion`, which names the engine
// rather than what it computed, and without `timeline`, the record of the run (docs/timeline.md), which
// a change to what is drawn changes without changing what the model computed.
import { createHash } from 'node:crypto'
import { ANTI_STARVATION_POLICIES, VARIANTS, type Profile, type ProfileInput, type Variant } from '../src-shared/profile/schema'
import { PRESETS } from '../src-shared/profile/presets'
import { validateProfile } from '../src-shared/profile/validate'
import { runModel } from '../src-main/engine/run-model'
import { heavyScenario } from './bench/heavy-scenario'

export interface IdentityJob {
  /** profile id / variant / seed: the key in scripts/engine-identity.json */
  key: string
  run(): string
}

const SEEDS = [1, 2]
/** simulated time per job: long enough for every event kind, short enough to run after every step */
const DURATION_MS = 2000
/** the stress preset simulates many CPUs at high rates: a shorter run covers the same paths */
const SHORT_DURATION_MS: Readonly<Record<string, number>> = { 'stress-test-series': 500 }

/**
 * Beyond the presets: every anti-starvation policy (the presets have no stalld) with an allocating task
 * of each mode next to a polling one, so that the kworker, the boost slots and the owner's list frees
 * all meet the drains.
 */
function policyProfiles(): Array<{ id: string; input: ProfileInput }> {
  return ANTI_STARVATION_POLICIES.flatMap((policy) => (['polling', 'periodic'] as const).map((mode) => ({
    id: `policy-${policy}-${mode}`,
    input: {
      schemaVersion: 1,
      machine: { cpus: 4, isolated: '2-3' },
      kernel: { antiStarvation: { policy } },
      rtTasks: [
        { name: 'alloc', cpu: 2, mode, periodUs: mode === 'polling' ? 100 : 1000, runtimeUs: mode === 'polling' ? 20 : 200, allocsPerJob: 4, initialPcpPages: 300 },
        { name: 'poll', cpu: 3, mode: 'polling', periodUs: 100, runtimeUs: 20, initialPcpPages: 300 }
      ],
      drainSources: [{ kind: 'reclaim', ratePerSec: 50 }, { kind: 'compaction', ratePerSec: 10 }],
      run: { durationMs: DURATION_MS, warmupMs: 100 }
    } satisfies ProfileInput
  })))
}

/**
 * The heavy scenario of the engine benchmark (issue 10): 28 housekeeping CPUs at 200 000 pages/s each way,
 * whose zone->lock traffic meets the drains — where an engine that advances the housekeeping lazily
 * would first show a different order of simultaneous events.
 */
function heavyProfile(): { id: string; input: ProfileInput } {
  return { id: 'heavy-housekeeping', input: { ...heavyScenario(), run: { durationMs: 1000, warmupMs: 100 } } }
}

/**
 * ZONE_DMA32's pcplists (housekeeping.dma32Share, engine 0.7): a third of the housekeeping traffic in that zone,
 * global and zone drains, the THP minimum that puts its high well above 4 × batch.
 */
function dma32Profile(): { id: string; input: ProfileInput } {
  return {
    id: 'dma32-zones',
    input: {
      schemaVersion: 1,
      machine: { cpus: 6, isolated: '4-5', memoryGiB: 8, dmaZonesMiB: 3000 },
      kernel: { thp: true },
      rtTasks: [{ name: 'cyc', cpu: 4, mode: 'periodic', periodUs: 1000, runtimeUs: 200, allocsPerJob: 4, initialPcpPages: 100 }],
      housekeeping: { allocRatePagesPerSec: 100_000, freeRatePagesPerSec: 100_000, dma32Share: 0.3 },
      drainSources: [{ kind: 'reclaim', ratePerSec: 40 }, { kind: 'compaction', ratePerSec: 10 }],
      run: { durationMs: DURATION_MS, warmupMs: 100 }
    }
  }
}

/** The profiles of the identity check, checked, in the baseline's order (also the hidden-class test's runs). */
export function identityProfiles(): Array<{ id: string; profile: Profile }> {
  const inputs = [
    heavyProfile(),
    ...PRESETS.map((preset) => {
      const durationMs = SHORT_DURATION_MS[preset.id] ?? DURATION_MS
      return { id: preset.id, input: { ...preset.profile, run: { ...preset.profile.run, durationMs, warmupMs: Math.min(100, durationMs / 10) } } }
    }),
    ...policyProfiles(),
    dma32Profile()
  ]
  return inputs.map(({ id, input }) => {
    const v = validateProfile(input)
    if (!v.ok) throw new Error(`${id}: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    return { id, profile: v.profile }
  })
}

/** Every job of the identity check, in the baseline's order. */
export function identityJobs(): IdentityJob[] {
  return identityProfiles().flatMap(({ id, profile }) =>
    VARIANTS.flatMap((variant: Variant) => SEEDS.map((seed) => ({
      key: `${id}/${variant}/${seed}`,
      run: () => {
        const { events: _events, engineVersion: _version, timeline: _timeline, ...semantics } = runModel(profile, variant, seed, { checkInvariants: false })
        return createHash('sha256').update(JSON.stringify(semantics)).digest('hex')
      }
    })))
  )
}
