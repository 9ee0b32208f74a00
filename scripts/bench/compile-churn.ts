// What V8 compiles, job by job, in one worker: the pool bench's 16 jobs (or 16 seeds of one of its profiles, --seeds;
// or the sweep's 8 jobs of one variant in the order the pool's job queue gives them, --variant: what each worker of a
// 2-worker pool runs, src-main/lab/job-queue.ts)
// run one after another in one process through the built worker's runJob, as a pool worker runs them, under
// V8's --trace-opt and --trace-deopt; prints per job its time, the TurboFan compiles of the engine's code and their
// time on V8's helper threads, and the deoptimisations. A job that compiles much again after the first few is
// paying for something that changed under code already optimised (BENCHMARKS.md, "Hidden classes that changed
// between jobs"). Needs stdbuf (coreutils), so that V8's lines and the jobs' own come out in order.
//
//   npx tsx scripts/bench/compile-churn.ts [--seeds | --variant V] [--duration-ms D]
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { PlannedJob } from '../../src-shared/profile/experiment-plan'
import { estimateJobEvents } from '../../src-shared/profile/estimate'
import { VARIANTS, type Variant } from '../../src-shared/profile/schema'
import { JobQueue } from '../../src-main/lab/job-queue'
import { JobControl } from '../../src-main/lab/pool/job-control'
import { jobTimelineCap } from '../../src-main/lab/timeline-budget'
import { BUILT_WORKER, rebuildCli } from './built-cli'
import { benchExperiment, cpuAndWall, plannedExperiment } from './pool-bench'

const JOB_LINE = /^job (\d+) (\S+) (\S+) wall (\d+) cpu (\d+)$/
/** the engine's own code: the build's files, named in each trace line by --trace-file-names */
const ENGINE_CODE = 'out/cli/'

/**
 * The pool bench's sweep; or 16 seeds of its 200/s profile on `direct`: one profile a worker runs again and again; or
 * the sweep's jobs of one variant, longest first, as the job queue hands them to a worker that keeps to that variant.
 */
function jobsOf(seeds: boolean, variant: Variant | undefined, durationMs: number): PlannedJob[] {
  const sweep = benchExperiment(durationMs)
  if (variant !== undefined) {
    const queue = new JobQueue(sweep.jobs.filter((j) => j.variant === variant), (j) => estimateJobEvents(j.profile), (j) => j.variant)
    return Array.from({ length: queue.size }, () => queue.take(variant) as PlannedJob)
  }
  if (!seeds) return sweep.jobs
  const { sweep: _dropped, ...profile } = sweep.profile
  return plannedExperiment({ ...profile, kernel: { ...profile.kernel, variants: ['direct'] }, run: { ...profile.run, seeds: Array.from({ length: 16 }, (_, i) => i + 1) } }).jobs
}

/** The child: the jobs in this process, one line each after it ran. */
async function runJobs(jobs: PlannedJob[]): Promise<void> {
  const runJob = ((await import(pathToFileURL(BUILT_WORKER).href)) as { default: (task: object) => unknown }).default
  const timelineCapRecords = jobTimelineCap(jobs.length)
  for (const [i, job] of jobs.entries()) {
    const { ms, cpuS } = await cpuAndWall(async () => runJob({ profile: job.profile, variant: job.variant, seed: job.seed, timelineCapRecords, control: new JobControl().buffer }))
    const label = job.sweepPoint === null ? `seed=${job.seed}` : Object.values(job.sweepPoint.values).join(',')
    process.stdout.write(`job ${i + 1} ${job.variant} ${label} wall ${Math.round(ms)} cpu ${Math.round(cpuS * 1000)}\n`)
  }
}

interface JobCompiles { line: string[]; compiles: number; compileMs: number; deopts: number; marked: number }

/** Splits the child's output at its job lines and counts V8's lines about the engine's code before each. */
function perJob(output: string): JobCompiles[] {
  const jobs: JobCompiles[] = []
  let current = { compiles: 0, compileMs: 0, deopts: 0, marked: 0 }
  for (const line of output.split('\n')) {
    const job = JOB_LINE.exec(line)
    if (job !== null) {
      jobs.push({ line: job.slice(1), ...current })
      current = { compiles: 0, compileMs: 0, deopts: 0, marked: 0 }
    } else if (line.includes('completed compiling') && line.includes(ENGINE_CODE)) {
      current.compiles++
      current.compileMs += Number(/took [\d.]+, ([\d.]+),/.exec(line)?.[1] ?? 0)
    } else if (line.startsWith('[bailout') && line.includes(ENGINE_CODE)) {
      current.deopts++
    } else if (line.startsWith('[marking dependent code')) {
      // V8 names no file here: code of any script whose assumptions a change broke, the engine's by far the most
      current.marked++
    }
  }
  return jobs
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: 'boolean' }, variant: { type: 'string' }, 'duration-ms': { type: 'string' }, child: { type: 'boolean' } } })
  const variant = values.variant as Variant | undefined
  if (variant !== undefined && !VARIANTS.includes(variant)) throw new Error(`--variant: one of ${VARIANTS.join(', ')}`)
  const durationMs = values['duration-ms'] === undefined ? 40_000 : Number(values['duration-ms'])
  const jobs = jobsOf(values.seeds === true, variant, durationMs)
  if (values.child === true) return runJobs(jobs)
  await rebuildCli()
  const args = ['-o0', '-e0', process.execPath, '--trace-opt', '--trace-deopt', '--trace-file-names', '--import', 'tsx', import.meta.filename, '--child', '--duration-ms', String(durationMs), ...(values.seeds === true ? ['--seeds'] : []), ...(variant !== undefined ? ['--variant', variant] : [])]
  const child = spawnSync('stdbuf', args, { encoding: 'utf8', maxBuffer: 1 << 28 })
  if (child.error !== undefined || child.status !== 0) throw new Error(`the jobs' process failed: ${child.error?.message ?? child.stderr}`)
  const rows = perJob(child.stdout)
  const total = (key: 'compiles' | 'compileMs' | 'deopts' | 'marked') => rows.reduce((sum, r) => sum + r[key], 0)
  process.stdout.write(`${jobs.length} jobs of ${durationMs} ms simulated, one after another in one process (the built worker's runJob)\n\n`)
  process.stdout.write('| job | variant | point | wall ms | CPU ms | TurboFan compiles | their time, ms | deoptimisations | code marked for deoptimisation |\n|---:|---|---|---:|---:|---:|---:|---:|---:|\n')
  for (const r of rows) process.stdout.write(`| ${r.line[0]} | ${r.line[1]} | ${r.line[2]} | ${r.line[3]} | ${r.line[4]} | ${r.compiles} | ${Math.round(r.compileMs)} | ${r.deopts} | ${r.marked} |\n`)
  process.stdout.write(`| all | | | ${rows.reduce((s, r) => s + Number(r.line[3]), 0)} | ${rows.reduce((s, r) => s + Number(r.line[4]), 0)} | ${total('compiles')} | ${Math.round(total('compileMs'))} | ${total('deopts')} | ${total('marked')} |\n`)
}

await main()
