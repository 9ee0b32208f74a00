// Results identity of the engine: every preset, a small profile per anti-starvation policy, and the
// heavy housekeeping scenario of BENCHMARKS.md × every variant × seeds 1 and 2, a short run each, one
// SHA-256 of the serialised RunResult per job — without `events`, the engine's own count of the events
// it handled, which an engine that aggregates work changes without changing a result. A refactoring that must not change semantics keeps
// every hash: `npx tsx scripts/engine-identity.ts --check` compares against scripts/engine-identity.json,
// `--write` records a new baseline (only when the results are meant to change).
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ANTI_STARVATION_POLICIES, VARIANTS, type ProfileInput } from '../src-shared/profile/schema'
import { PRESETS } from '../src-shared/profile/presets'
import { validateProfile } from '../src-shared/profile/validate'
import { runModel } from '../src-main/engine/run-model'
import { heavyScenario } from './bench/heavy-scenario'

const BASELINE = join(dirname(fileURLToPath(import.meta.url)), 'engine-identity.json')
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

function hashes(): Record<string, string> {
  const profiles = [
    heavyProfile(),
    ...PRESETS.map((preset) => {
      const durationMs = SHORT_DURATION_MS[preset.id] ?? DURATION_MS
      return { id: preset.id, input: { ...preset.profile, run: { ...preset.profile.run, durationMs, warmupMs: Math.min(100, durationMs / 10) } } }
    }),
    ...policyProfiles()
  ]
  const out: Record<string, string> = {}
  for (const { id, input } of profiles) {
    const v = validateProfile(input)
    if (!v.ok) throw new Error(`${id}: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    for (const variant of VARIANTS) {
      for (const seed of SEEDS) {
        const result = runModel(v.profile, variant, seed, { checkInvariants: false })
        const { events: _events, ...semantics } = result
        out[`${id}/${variant}/${seed}`] = createHash('sha256').update(JSON.stringify(semantics)).digest('hex')
      }
    }
  }
  return out
}

const mode = process.argv[2]
if (mode !== '--check' && mode !== '--write') {
  process.stderr.write('usage: tsx scripts/engine-identity.ts --check | --write\n')
  process.exit(2)
}
const now = hashes()
if (mode === '--write') {
  writeFileSync(BASELINE, JSON.stringify(now, null, 2) + '\n')
  process.stdout.write(`wrote ${Object.keys(now).length} hashes to ${BASELINE}\n`)
  process.exit(0)
}
const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, string>
const keys = new Set([...Object.keys(baseline), ...Object.keys(now)])
const changed = [...keys].filter((k) => baseline[k] !== now[k])
for (const k of changed) process.stdout.write(`CHANGED ${k}\n`)
process.stdout.write(changed.length === 0 ? `identical: ${keys.size} jobs\n` : `${changed.length} of ${keys.size} jobs changed\n`)
process.exit(changed.length === 0 ? 0 : 1)
