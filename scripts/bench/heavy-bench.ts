// The heavy housekeeping scenario of issue 10's goal (scripts/bench/heavy-scenario.ts: 32 CPUs, 28
// housekeeping CPUs allocating and freeing 200 000 pages/s each, reclaim drains 100/s, 60 s simulated,
// seed 1), per variant: the engine alone (runModel in this process, best of 2), and `drainlab run
// --jobs 1` end to end from the JavaScript build (rebuilt here first), best of 3 wall times — start-up,
// the pool worker, the results file and the summary included, split by that run's --timings. Goal: ≥ 50×
// real time end to end.
// Beside the engine, its bound: the events × what a bare contact costs in the engine's own parts
// (bare-contact.ts) — the time an engine doing nothing else per event would take.
// A section of `npm run bench` (`npm run bench -- heavy`).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { VARIANTS } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import { runModel } from '../../src-main/engine/run-model'
import { bareContactNs } from './bare-contact'
import { rebuildCli, ROOT } from './built-cli'
import type { BenchSection } from './bench-section'
import { heavyScenario } from './heavy-scenario'

/** The engine runs single-threaded: CPU time is one core's (as in the engine section). */
export const nodeFlags = ['--single-threaded']

const GOAL = 50

function inProcess(variant: (typeof VARIANTS)[number]): { ms: number; events: number } {
  const v = validateProfile(heavyScenario())
  if (!v.ok) throw new Error('the heavy scenario does not validate')
  let best = { ms: Infinity, events: 0 }
  for (let i = 0; i < 2; i++) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = runModel(v.profile, variant, 1)
    const wall = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const ms = Math.min(wall, (cpu.user + cpu.system) / 1000)
    if (ms < best.ms) best = { ms, events: r.events }
  }
  return best
}

/** A `drainlab run`'s wall time, and when its job started and its simulation ended by its --timings (ms since the process started). */
interface EndToEnd {
  ms: number
  startedMs: number
  simulatedMs: number
}

const JOB_TIMINGS = /timings of job \S+: its worker loaded [\d.]+, started ([\d.]+), simulated ([\d.]+) /

/** One `drainlab run --timings` of the profile file, built CLI, one job. */
function endToEnd(profileFile: string, variant: string, outDir: string): EndToEnd {
  const { DRAINLAB_FROM_SOURCES: _ignored, ...env } = process.env
  const t0 = performance.now()
  const child = spawnSync(process.execPath, [join(ROOT, 'bin', 'drainlab.mjs'), 'run', profileFile, '--jobs', '1', '--no-history', '--variants', variant, '--out', outDir, '--timings'], { env, encoding: 'utf8' })
  const ms = performance.now() - t0
  if (child.status !== 0) throw new Error(`drainlab run ${variant} failed: ${child.stderr}`)
  if (child.stderr.includes('running from the sources')) throw new Error('the CLI ran from the sources, not the build')
  const timings = JOB_TIMINGS.exec(child.stderr)
  if (timings === null) throw new Error(`drainlab run ${variant} printed no job timings: ${child.stderr}`)
  return { ms, startedMs: Number(timings[1]) * 1000, simulatedMs: Number(timings[2]) * 1000 }
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

export async function runBench(): Promise<BenchSection> {
  await rebuildCli()
  const dir = mkdtempSync(join(tmpdir(), 'drainlab-heavy-'))
  const profileFile = join(dir, 'heavy.drainlab.json')
  writeFileSync(profileFile, JSON.stringify(heavyScenario(), null, 2))
  const loadBefore = loadavg()[0]
  const simulatedS = (heavyScenario().run?.durationMs ?? 60_000) / 1000
  const rows: string[] = []
  let slowest = Infinity
  const contactNs = bareContactNs(1_800_000)
  try {
    for (const variant of VARIANTS) {
      const engine = inProcess(variant)
      const boundMs = (engine.events * contactNs) / 1e6
      const runs = [0, 1, 2].map((i) => endToEnd(profileFile, variant, join(dir, `${variant}-${i}`)))
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a))
      const speed = simulatedS / (best.ms / 1000)
      slowest = Math.min(slowest, speed)
      const split = `${fmt(best.startedMs)} | ${fmt(best.simulatedMs - best.startedMs)} | ${fmt(best.ms - best.simulatedMs)}`
      rows.push(`| ${variant} | ${fmt(engine.events)} | ${fmt(engine.ms)} | ${fmt(simulatedS / (engine.ms / 1000), 1)}× | ${fmt(boundMs)} | ${fmt(engine.ms / boundMs, 1)} | ${fmt(best.ms)} | ${split} | ${fmt(speed, 1)}× |`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const markdown = [
    `${simulatedS} s simulated, seed 1 (scripts/bench/heavy-scenario.ts). "engine" is runModel in the bench process under --single-threaded, best of 2 of min(wall, CPU time); "bound" is the events × ${fmt(contactNs)} ns, what a bare contact (a walk, a Gamma draw, three histogram records, a timer rescheduled: scripts/bench/bare-contact.ts) costs in this process, best of 3 runs of 1.8 M; "end to end" is \`node bin/drainlab.mjs run heavy.drainlab.json --jobs 1 --no-history --variants V --timings\` from the build in out/cli, best of 3 wall times; that run's own \`--timings\` split it into the time to its job's start (start-up, the worker's start, the input checked), its engine (cold: V8 compiles the engine while it runs) and the rest from the engine's last event (the result collected, moved to the lab and encoded, results.json written, exit; with the few ms between the spawn and the process's clock starting). 1-minute load average before: ${fmt(loadBefore, 2)}, after: ${fmt(loadavg()[0], 2)}.`,
    '',
    '| variant | events | engine ms | engine × real time | bound ms | engine ÷ bound | end to end ms | to its job\'s start ms | its engine ms | after its engine ms | end to end × real time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Goal:',
    `- \`drainlab run\` end to end ≥ ${GOAL}× real time for every variant: slowest ${fmt(slowest, 1)}× — ${slowest >= GOAL ? 'met' : '**not met**'}`
  ].join('\n')
  return { title: 'Heavy housekeeping scenario (issue 10)', markdown }
}
