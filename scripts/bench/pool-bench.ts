// Worker-pool scaling (issue 4): one 16-job sweep run through the lab's own path (planExperiment ->
// ExperimentRun -> JobPool with the built worker that `drainlab run` and the app run, out/cli rebuilt here
// first), first on 1 worker, then on N workers (default: all logical CPUs), in the same process. A section
// of `npm run bench` (bin/bench.mjs calls runBench); standalone:
// npx tsx scripts/bench/pool-bench.ts [--workers N] [--duration-ms D]
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ENGINE_VERSION } from '../../src-main/engine/version'
import { planExperiment, type PlannedJob } from '../../src-shared/profile/experiment-plan'
import { ExperimentRun } from '../../src-main/lab/experiment-run'
import { JobControl } from '../../src-main/lab/pool/job-control'
import { JobPool } from '../../src-main/lab/pool/job-pool'
import { jobTimelineCap } from '../../src-main/lab/timeline-budget'
import type { Profile, ProfileInput } from '../../src-shared/profile/schema'
import { validateProfile } from '../../src-shared/profile/validate'
import type { BenchSection } from './bench-section'
import { BUILT_WORKER, rebuildCli } from './built-cli'
import { parallelCeiling } from './parallel-ceiling'

const EFFICIENCY_GOAL = 0.85
const RATES = [25, 50, 100, 200, 400, 800, 1600, 3200]

/** A bench's experiment checked and planned; an invalid one is the bench's own bug. */
export function plannedExperiment(input: ProfileInput): { profile: Profile; jobs: PlannedJob[] } {
  const checked = validateProfile(input)
  if (!checked.ok) throw new Error(checked.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  const plan = planExperiment(checked.profile)
  if (!plan.ok) throw new Error(plan.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  return { profile: checked.profile, jobs: plan.jobs }
}

/** 8 sweep points × 2 variants × 1 seed = 16 jobs of about the same size (an allocating 10 kHz task, reclaim drains). */
export function benchExperiment(durationMs: number): { profile: Profile; jobs: PlannedJob[] } {
  return plannedExperiment({
    schemaVersion: 1,
    name: 'pool bench',
    machine: { cpus: 4, isolated: '2-3' },
    kernel: { variants: ['workqueue', 'direct'] },
    rtTasks: [{ name: 'loop', cpu: 3, mode: 'periodic', periodUs: 100, runtimeUs: 20, allocsPerJob: 8 }],
    drainSources: [{ kind: 'reclaim', ratePerSec: 200 }],
    run: { durationMs, seeds: [1] },
    sweep: { parameters: [{ path: 'drainSources.0.ratePerSec', values: RATES }] }
  })
}

/** Busy CPU seconds of the whole machine so far (Linux /proc/stat; USER_HZ is 100 on every Linux ABI), null elsewhere. */
function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const idle = fields[3] + (fields[4] ?? 0)
    return (fields.reduce((a, b) => a + b, 0) - idle) / 100
  } catch {
    return null
  }
}

interface Timing { ms: number; events: number; failed: number; ownCpuS: number; othersCpuS: number | null }

/** The wall time `work` takes and the CPU time this process uses meanwhile (all its threads), with its result. */
export async function cpuAndWall<T>(work: () => Promise<T>): Promise<{ ms: number; cpuS: number; result: T }> {
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const result = await work()
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  return { ms, cpuS: (cpu.user + cpu.system) / 1e6, result }
}

/** Wall time, plus the CPU time this process used and the CPU time everything else on the machine used meanwhile. */
async function timeRun(threads: number, experiment: { profile: Profile; jobs: PlannedJob[] }): Promise<Timing> {
  const pool = new JobPool({ threads, workerFilename: BUILT_WORKER })
  const busyBefore = machineBusySeconds()
  const { ms, cpuS: ownCpuS, result: outcome } = await cpuAndWall(() => new ExperimentRun({ runId: `bench-${threads}`, profile: experiment.profile, engineVersion: ENGINE_VERSION, jobs: experiment.jobs, pool }).done)
  const busyAfter = machineBusySeconds()
  await pool.close()
  return {
    ms,
    events: outcome.results.jobs.reduce((sum, j) => sum + (j.result?.events ?? 0), 0),
    failed: outcome.failed,
    ownCpuS,
    othersCpuS: busyBefore === null || busyAfter === null ? null : Math.max(0, busyAfter - busyBefore - ownCpuS)
  }
}

/** Each of 1 and N workers runs the sweep this many times, alternating; the fastest run of each counts. */
const ROUNDS = 2
const fastest = (runs: Timing[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a))

/** CPU and wall time of a fresh one-worker pool running a 1 ms job: what starting one worker costs. */
async function workerStartup(): Promise<{ ms: number; cpuS: number }> {
  const checked = validateProfile({ schemaVersion: 1, machine: { cpus: 4, isolated: '3' }, run: { durationMs: 1 } })
  if (!checked.ok) throw new Error('startup profile invalid')
  const pool = new JobPool({ threads: 1, workerFilename: BUILT_WORKER })
  const { ms, cpuS } = await cpuAndWall(() => pool.run({ profile: checked.profile, variant: 'direct', seed: 1, control: new JobControl().buffer }))
  await pool.close()
  return { ms, cpuS }
}

/** Jobs of the sweep a fresh worker runs twice to show its warm-up: one of each variant, as the sweep alternates them. */
const WARM_UP_JOBS = 2

/**
 * What a fresh worker spends warming up (V8 compiling the engine on its helper threads as the jobs run, and the
 * first touches of its memory): the sweep's first WARM_UP_JOBS jobs on a fresh one-worker pool, then the same jobs
 * again on it. The difference in the process's CPU time is paid once per worker, so once more on N workers than on one.
 */
async function workerWarmUp(experiment: { jobs: PlannedJob[] }): Promise<{ first: { ms: number; cpuS: number }; again: { ms: number; cpuS: number } }> {
  const pool = new JobPool({ threads: 1, workerFilename: BUILT_WORKER })
  // each job with the share of the timeline budget ExperimentRun gives it
  const timelineCapRecords = jobTimelineCap(experiment.jobs.length)
  const pass = () => cpuAndWall(async () => {
    for (const job of experiment.jobs.slice(0, WARM_UP_JOBS)) await pool.run({ profile: job.profile, variant: job.variant, seed: job.seed, timelineCapRecords, control: new JobControl().buffer })
  })
  try {
    return { first: await pass(), again: await pass() }
  } finally {
    await pool.close()
  }
}

export async function runBench(options: { workers?: number; durationMs?: number } = {}): Promise<BenchSection> {
  const workers = options.workers ?? availableParallelism()
  const durationMs = options.durationMs ?? 40_000
  await rebuildCli()
  const experiment = benchExperiment(durationMs)
  const loadBefore = loadavg()[0]
  process.stderr.write(`pool bench: ${experiment.jobs.length} jobs of ${durationMs} ms simulated; 1 and ${workers} workers alternating, ${ROUNDS} runs each\n`)
  const startup = await workerStartup()
  const warmUp = await workerWarmUp(experiment)
  // 1, N, 1, N, the fastest of each: a shared host's speed drifts by a fifth within minutes (BENCHMARKS.md,
  // 2026-11-30 13:39 and 13:41), and one slow 1-worker run beside a normal N-worker one read 98 % (15:17)
  const oneRuns: Timing[] = []
  const manyRuns: Timing[] = []
  // what independent threads get from the machine before each round and after the last: the pool's figure is read against it
  const ceilings: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    ceilings.push(await parallelCeiling(workers))
    oneRuns.push(await timeRun(1, experiment))
    manyRuns.push(await timeRun(workers, experiment))
  }
  ceilings.push(await parallelCeiling(workers))
  const ceilingMedian = [...ceilings].sort((a, b) => a - b)[Math.floor(ceilings.length / 2)]
  const one = fastest(oneRuns)
  const many = fastest(manyRuns)
  const speedUp = one.ms / many.ms
  const efficiency = speedUp / workers
  const row = (n: number, r: Timing) =>
    `| ${n} | ${(r.ms / 1000).toFixed(2)} s | ${(r.events / (r.ms / 1000) / 1e6).toFixed(2)} M | ${r.ownCpuS.toFixed(1)} s | ${(r.ownCpuS / (r.ms / 1000)).toFixed(2)} | ${r.othersCpuS === null ? 'n/a' : `${r.othersCpuS.toFixed(1)} s`} | ${r.failed} |`
  // cores the other processes kept busy on average: the wall-clock speed-up depends on what they left
  const othersCores = (r: Timing) => (r.othersCpuS === null ? null : r.othersCpuS / (r.ms / 1000))
  const others1 = othersCores(one)
  const othersN = othersCores(many)
  // the same jobs on N workers should cost the same CPU time: the excess is the pool's own overhead
  const cpuEfficiency = one.ownCpuS / many.ownCpuS
  const markdown = `
\`npx tsx scripts/bench/pool-bench.ts --workers ${workers} --duration-ms ${durationMs}\` (also part of \`npm run bench\`): one sweep of
${experiment.jobs.length} jobs (drainSources.0.ratePerSec ∈ {${RATES.join(', ')}} × workqueue, direct; ${durationMs} ms simulated each,
${(one.events / experiment.jobs.length / 1e6).toFixed(2)} M events per job on average) through planExperiment → ExperimentRun → JobPool
(piscina, the built worker out/cli/run-job-worker.js), timed from the start to the last result, worker start-up included;
1 and ${workers} workers alternating, ${ROUNDS} runs each, the fastest of each shown.
1-minute load average before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)}.

| workers | wall time | events/s, all jobs | CPU time of this process | cores it kept busy | CPU time of other processes meanwhile | failed jobs |
| --- | --- | --- | --- | --- | --- | --- |
${row(1, one)}
${row(workers, many)}

- Speed-up ${speedUp.toFixed(2)}× on ${workers} workers, efficiency ${(efficiency * 100).toFixed(0)} % of ideal: goal ≥ ${EFFICIENCY_GOAL * 100} % ${efficiency >= EFFICIENCY_GOAL ? 'met' : 'missed'}.
- CPU time of the same ${experiment.jobs.length} jobs: ${one.ownCpuS.toFixed(1)} s on 1 worker, ${many.ownCpuS.toFixed(1)} s on ${workers} (${(cpuEfficiency * 100).toFixed(0)} %). One worker already keeps ${(one.ownCpuS / (one.ms / 1000)).toFixed(2)} cores busy (V8's compiler and GC helper threads beside it); with every core running a worker they share the cores, so on ${workers} cores the speed-up cannot pass ${workers} cores × ${(one.ms / 1000).toFixed(2)} s ÷ ${many.ownCpuS.toFixed(1)} CPU-s = ${((workers * one.ms) / 1000 / many.ownCpuS).toFixed(2)}× (${((one.ms / 1000 / many.ownCpuS) * 100).toFixed(0)} % efficiency). Starting one worker (the thread, then the built engine) costs ${(startup.cpuS * 1000).toFixed(0)} ms CPU, ${startup.ms.toFixed(0)} ms wall, measured on a fresh pool running a 1 ms job; and a fresh worker's first ${WARM_UP_JOBS} jobs of the sweep took ${warmUp.first.cpuS.toFixed(2)} CPU-s (${(warmUp.first.ms / 1000).toFixed(2)} s wall) against ${warmUp.again.cpuS.toFixed(2)} CPU-s (${(warmUp.again.ms / 1000).toFixed(2)} s) when it ran them again: ${(warmUp.first.cpuS - warmUp.again.cpuS).toFixed(2)} CPU-s of warm-up (V8 compiling the engine on its helper threads, first touches of memory). Every worker pays both once per run: ${workers} workers pay them ${workers} times, one worker once.
- Independent threads on this machine at the same moments (scripts/bench/parallel-ceiling.ts: ${workers} copies of a fixed computation that shares nothing, at once, against one copy alone; before each round and after the last): ${ceilings.map((c) => `${(c * 100).toFixed(0)} %`).join(', ')}, median ${(ceilingMedian * 100).toFixed(0)} % — what a perfect pool would read here. The pool's ${(efficiency * 100).toFixed(0)} % is ${((efficiency / ceilingMedian) * 100).toFixed(0)} % of that median.
${others1 === null || othersN === null ? '' : `- Other processes kept ${others1.toFixed(2)} cores busy on average during the 1-worker run and ${othersN.toFixed(2)} during the ${workers}-worker run (of ${availableParallelism()}): on a shared machine the wall-clock figures above measure the pool and the neighbours together.\n`}`
  return { title: 'Lab worker pool scaling', markdown }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { workers: { type: 'string' }, 'duration-ms': { type: 'string' } } })
  const section = await runBench({
    workers: values.workers === undefined ? undefined : Number(values.workers),
    durationMs: values['duration-ms'] === undefined ? undefined : Number(values['duration-ms'])
  })
  process.stdout.write(`### ${section.title}\n${section.markdown}`)
}
