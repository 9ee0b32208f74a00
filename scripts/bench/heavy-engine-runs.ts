// The heavy scenario's engine run N times, one after another in this process — for counting a warm run's
// instructions: under scripts/instruction-profile.mjs, N=2's counts less N=1's are the second, warm run's (its
// simulation, and the collecting and encoding of its result), without start-up or the first run's compiling
// (BENCHMARKS.md, "Deoptimisations within a run and between jobs"). By default runModel from the sources (through
// tsx); --built runs the pool worker's runJob from the JavaScript build in out/cli instead, the code `drainlab run`
// runs, whose warm count repeats to the instruction (BENCHMARKS.md, "2026-12-01, later").
//
//   node scripts/instruction-profile.mjs -- --single-threaded --import tsx scripts/bench/heavy-engine-runs.ts \
//     [--variant direct] [--runs 2] [--duration-ms 10000] [--built]
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { valueSymbol } from 'piscina'
import { VARIANTS, type Variant } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { runModel } from '../../src-main/engine/run-model'
import { BUILT_WORKER, ROOT } from './built-cli'
import { heavyScenario } from './heavy-scenario'

const { values } = parseArgs({ options: { variant: { type: 'string', default: 'direct' }, runs: { type: 'string', default: '2' }, 'duration-ms': { type: 'string', default: '10000' }, built: { type: 'boolean' } } })
const variant = values.variant as Variant
const runs = Number(values.runs)
const durationMs = Number(values['duration-ms'])
if (!VARIANTS.includes(variant) || !Number.isInteger(runs) || runs < 1 || !(durationMs > 0)) {
  process.stderr.write(`usage: heavy-engine-runs.ts [--variant ${VARIANTS.join('|')}] [--runs N ≥ 1] [--duration-ms D > 0] [--built]\n`)
  process.exit(2)
}
const scenario = heavyScenario()
const checked = validateProfile({ ...scenario, run: { ...scenario.run, durationMs } })
if (!checked.ok) throw new Error('the heavy scenario does not validate')
const profile = checked.profile

/**
 * The engine a run calls: runModel from the sources, or the built worker's runJob, the build checked once here (not
 * rebuilt: under valgrind a build takes minutes) so that the runs counted do only the engine's work.
 */
async function engine(): Promise<() => number> {
  if (values.built !== true) return () => runModel(profile, variant, 1).events
  // bin/drainlab.mjs's own check: null, or why the build in out/cli is older than its sources
  const { builtCliProblem } = (await import(pathToFileURL(join(ROOT, 'bin', 'built-cli.mjs')).href)) as { builtCliProblem: (root: string) => string | null }
  const problem = builtCliProblem(ROOT)
  if (problem !== null) throw new Error(`--built: ${problem} (npm run build)`)
  const runJob = ((await import(pathToFileURL(BUILT_WORKER).href)) as { default: (task: object) => Record<symbol, { events: number }> }).default
  // the job's run, as piscina's move() wraps it for the lab (src-main/lab/pool/run-job-worker.ts)
  return () => runJob({ profile, variant, seed: 1, control: new SharedArrayBuffer(64) })[valueSymbol].events
}

const engineRun = await engine()
for (let i = 1; i <= runs; i++) {
  const t0 = performance.now()
  const events = engineRun()
  process.stdout.write(`run ${i}: ${variant}${values.built === true ? ' (built)' : ''}, ${events} events, ${Math.round(performance.now() - t0)} ms\n`)
}
