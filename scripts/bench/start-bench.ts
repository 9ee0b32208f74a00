// Start-up (issue 10, "Fast start"): `drainlab --version` from a cold process, and one pool worker's start, each
// from the JavaScript build (out/cli, rebuilt here first so the current sources are measured) and from the
// TypeScript sources through tsx, 5 runs each, alternating so that changing load on a shared machine hits both.
// A section of `npm run bench` (`npm run bench -- start`); standalone: npx tsx scripts/bench/start-bench.ts
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { JobControl } from '../../src-main/lab/pool/job-control'
import { JobPool, TSX_WORKER_ENTRY } from '../../src-main/lab/pool/job-pool'
import { validateProfile } from '../../src-shared/profile/validate'
import type { BenchSection } from './bench-section'
import { BUILT_WORKER, rebuildCli, ROOT } from './built-cli'

const RUNS = 5
const VERSION_GOAL_MS = 400
/** Loaded before the CLI: reports the process's CPU time (all threads) on stderr as it exits. */
const CPU_REPORTER = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('@@cpu '+(u.user+u.system)+'\\n')})`

interface Sample { wallMs: number; cpuMs: number }

/** One cold `node bin/drainlab.mjs --version`; throws unless it ran the way asked (the build, or the sources). */
function versionRun(fromSources: boolean): Sample {
  const { DRAINLAB_FROM_SOURCES: _ignored, ...env } = process.env
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', CPU_REPORTER, join(ROOT, 'bin', 'drainlab.mjs'), '--version'], {
    env: fromSources ? { ...env, DRAINLAB_FROM_SOURCES: '1' } : env, encoding: 'utf8'
  })
  const wallMs = performance.now() - started
  const cpu = /^@@cpu (\d+)$/m.exec(child.stderr)
  const other = child.stderr.replace(/^@@cpu \d+\n/m, '')
  if (child.status !== 0 || cpu === null || other !== '') throw new Error(`drainlab --version failed or fell back to the sources: ${child.stderr}`)
  return { wallMs, cpuMs: Number(cpu[1]) / 1000 }
}

/** A fresh one-worker pool running a 1 ms job: the worker's start (thread, module loading) dominates. */
async function workerRun(workerFilename: string): Promise<Sample> {
  const checked = validateProfile({ schemaVersion: 1, machine: { cpus: 4, isolated: '3' }, run: { durationMs: 1 } })
  if (!checked.ok) throw new Error('start-up profile invalid')
  const pool = new JobPool({ threads: 1, workerFilename })
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  await pool.run({ profile: checked.profile, variant: 'direct', seed: 1, control: new JobControl().buffer })
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  await pool.close()
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => x.toFixed(0)

function row(what: string, samples: Sample[]): string {
  const walls = samples.map((s) => s.wallMs)
  return `| ${what} | **${ms(median(walls))} ms** | ${walls.map(ms).join(', ')} | ${ms(median(samples.map((s) => s.cpuMs)))} ms |`
}

export async function runBench(): Promise<BenchSection> {
  await rebuildCli()
  const loadBefore = loadavg()[0]
  // one unmeasured run of each warms the file cache, as a user's second start would find it
  versionRun(false)
  versionRun(true)
  const built: Sample[] = []
  const sources: Sample[] = []
  for (let i = 0; i < RUNS; i++) {
    built.push(versionRun(false))
    sources.push(versionRun(true))
  }
  await workerRun(BUILT_WORKER)
  const builtWorker: Sample[] = []
  const tsxWorker: Sample[] = []
  for (let i = 0; i < RUNS; i++) {
    builtWorker.push(await workerRun(BUILT_WORKER))
    tsxWorker.push(await workerRun(TSX_WORKER_ENTRY))
  }
  const versionMs = median(built.map((s) => s.wallMs))
  const markdown = `
\`node bin/drainlab.mjs --version\` as a fresh process (wall time from spawn to exit, and the process's CPU time,
all threads), and a pool worker's start (a fresh one-worker JobPool running a 1 ms job: wall time, and this
process's CPU time, which includes the worker thread's). ${RUNS} runs each after one unmeasured warm-up, built and
from the sources alternating. "built" is out/cli, rebuilt by this section from the current sources; "sources" is
\`DRAINLAB_FROM_SOURCES=1\` (tsx) and the tsx worker shim (src-main/lab/pool/run-job-worker.mjs).
1-minute load average before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)}.

| what | median wall | each run (wall) | median CPU |
| --- | --- | --- | --- |
${row('`drainlab --version`, built', built)}
${row('`drainlab --version`, sources (tsx)', sources)}
${row('pool worker start, built worker', builtWorker)}
${row('pool worker start, tsx worker', tsxWorker)}

- \`drainlab --version\` cold start ${ms(versionMs)} ms (median of ${RUNS}): goal ≤ ${VERSION_GOAL_MS} ms ${versionMs <= VERSION_GOAL_MS ? 'met' : 'missed'}.
`
  return { title: 'Start-up: CLI and pool worker', markdown }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await runBench()
  process.stdout.write(`### ${section.title}\n${section.markdown}`)
}
