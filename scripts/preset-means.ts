// What a model change does to every preset, in the figures docs/model.md quotes for each engine release: per
// preset and variant, the means over seeds of the pages stranded on the pcplists, the pages one drain frees,
// the drain's p50, the housekeeping zone->lock wait, the realtime tasks' worst wakeup latency and their
// misses. Run it on the engine before and after a change and set the two tables side by side.
//
//   npx tsx --tsconfig tsconfig.node.json scripts/preset-means.ts [--seeds N] [--duration-ms D] [--preset ID]
//
// Defaults: 3 seeds (1..N), 2000 ms simulated, every preset.
import { parseArgs } from 'node:util'
import { VARIANTS } from '../src-shared/profile/schema'
import { PRESETS } from '../src-shared/profile/presets'
import { validateProfile } from '../src-shared/profile/validate'
import { runModel } from '../src-main/engine/run-model'
import type { RunResult } from '../src-shared/results/types'

function parsedArgs() {
  try {
    return parseArgs({ options: { seeds: { type: 'string' }, 'duration-ms': { type: 'string' }, preset: { type: 'string' } } }).values
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`)
    process.exit(2)
  }
}

const args = parsedArgs()

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name}: give a whole number ≥ 1 (got ${text})\n`)
    process.exit(2)
  }
  return value
}

const seeds = wholeNumber('seeds', args.seeds, 3)
const durationMs = wholeNumber('duration-ms', args['duration-ms'], 2000)
const only = args.preset
const presets = PRESETS.filter((p) => only === undefined || p.id === only)
if (presets.length === 0) {
  process.stderr.write(`--preset: no preset "${only}"; presets: ${PRESETS.map((p) => p.id).join(', ')}\n`)
  process.exit(2)
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)

/** The figures of one run. */
function figures(r: RunResult): number[] {
  return [
    mean(r.strandedPages.values),
    r.drains.completed === 0 ? 0 : r.drains.pagesFreed / r.drains.completed,
    r.drains.durationNs.p50 / 1000,
    r.housekeeping.zoneLockWaitNs.mean,
    Math.max(0, ...r.tasks.map((t) => t.latencyNs.max)) / 1000,
    r.tasks.reduce((n, t) => n + t.misses, 0)
  ]
}

const header = ['preset', 'variant', 'stranded pages', 'pages per drain', 'drain p50 µs', 'zone->lock wait mean ns', 'worst latency µs', 'misses']
process.stdout.write(`${seeds} seeds × ${durationMs} ms simulated, means over the seeds\n\n| ${header.join(' | ')} |\n|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|\n`)
for (const preset of presets) {
  const input = { ...preset.profile, run: { ...preset.profile.run, durationMs, seeds: Array.from({ length: seeds }, (_, i) => i + 1) } }
  const valid = validateProfile(input)
  if (!valid.ok) throw new Error(`preset ${preset.id} does not validate at ${durationMs} ms: ${JSON.stringify(valid.issues)}`)
  for (const variant of VARIANTS) {
    const runs = valid.profile.run.seeds.map((seed) => figures(runModel(valid.profile, variant, seed)))
    const cells = runs[0].map((_, i) => mean(runs.map((r) => r[i])))
    const text = cells.map((v) => v.toLocaleString('en-US', { maximumFractionDigits: v < 100 ? 1 : 0 }))
    process.stdout.write(`| ${preset.id} | ${variant} | ${text.join(' | ')} |\n`)
  }
}
