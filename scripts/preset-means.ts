// What a model change does to every preset, in the figures docs/model.md quotes for each engine release: per
// preset and variant, the means over seeds of the pages stranded on the pcplists, the pages one drain frees,
// the drain's p50, the housekeeping zone->lock wait, the realtime tasks' worst wakeup latency and their
// misses. Run it on the engine before and after a change and set the two tables side by side.
//
//   npx tsx --tsconfig tsconfig.node.json scripts/preset-means.ts [--seeds N] [--duration-ms D] [--preset ID]
//
// Defaults: 3 seeds (1..N), 2000 ms simulated, every preset.
import { VARIANTS } from '../src-shared/profile/schema'
import { PRESETS } from '../src-shared/profile/presets'
import { validateProfile } from '../src-shared/profile/validate'
import { runModel } from '../src-main/engine/run-model'
import type { RunResult } from '../src-shared/results/types'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name)
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`${name}: give a whole number ≥ 1 (got ${process.argv[at + 1] ?? 'nothing'})\n`)
    process.exit(2)
  }
  return value
}

const seeds = option('--seeds', 3)
const durationMs = option('--duration-ms', 2000)
const presetAt = process.argv.indexOf('--preset')
const only = presetAt >= 0 ? process.argv[presetAt + 1] : undefined
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
