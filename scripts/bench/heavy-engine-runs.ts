// The heavy scenario's engine (runModel) run N times, one after another in this process — for counting a warm
// run's instructions: under scripts/instruction-profile.mjs, N=2's counts less N=1's are the second, warm run's
// (its simulation, and the collecting and encoding of its result), without start-up or the first run's compiling
// (BENCHMARKS.md, "Deoptimisations within a run and between jobs").
//
//   node scripts/instruction-profile.mjs -- --single-threaded --import tsx scripts/bench/heavy-engine-runs.ts \
//     [--variant direct] [--runs 2] [--duration-ms 10000]
import { parseArgs } from 'node:util'
import { VARIANTS, type Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { runModel } from '../../src-main/engine/run-model'
import { heavyScenario } from './heavy-scenario'

const { values } = parseArgs({ options: { variant: { type: 'string', default: 'direct' }, runs: { type: 'string', default: '2' }, 'duration-ms': { type: 'string', default: '10000' } } })
const variant = values.variant as Variant
const runs = Number(values.runs)
const durationMs = Number(values['duration-ms'])
if (!VARIANTS.includes(variant) || !Number.isInteger(runs) || runs < 1 || !(durationMs > 0)) {
  process.stderr.write(`usage: heavy-engine-runs.ts [--variant ${VARIANTS.join('|')}] [--runs N ≥ 1] [--duration-ms D > 0]\n`)
  process.exit(2)
}
const scenario = heavyScenario()
const checked = validateProfile({ ...scenario, run: { ...scenario.run, durationMs } })
if (!checked.ok) throw new Error('the heavy scenario does not validate')
for (let i = 1; i <= runs; i++) {
  const t0 = performance.now()
  const r = runModel(checked.profile, variant, 1)
  process.stdout.write(`run ${i}: ${variant}, ${r.events} events, ${Math.round(performance.now() - t0)} ms\n`)
}
