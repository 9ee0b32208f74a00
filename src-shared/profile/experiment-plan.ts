// An experiment as jobs: profile × sweep points × variants × seeds, in that order (the order of results.jobs).
// Each sweep point's profile is validated again: a grid value can make an otherwise valid profile invalid.
// The one place a run's size is checked (./run-limits.ts): validateProfile plans every profile it accepts,
// and the lab and the CLI run only a plan, so `validate` and `run` cannot disagree.
import { estimateJobEvents } from './estimate'
import { issuesOf, type ProfileIssue } from './issues'
import { setAtPath, ProfilePathError } from './paths'
import { profileSchema } from './rules'
import { MAX_EVENTS_PER_RUN, MAX_JOBS_PER_RUN, MAX_SERIES_POINTS_PER_RUN } from './run-limits'
import type { Profile, Variant } from './schema'
import { sweepLabel } from '../results/sweep-point'
import type { SweepPoint } from '../results/types'

export interface PlannedJob {
  id: string
  variant: Variant
  seed: number
  sweepPoint: SweepPoint | null
  profile: Profile
}

export type ExperimentPlan = { ok: true; jobs: PlannedJob[] } | { ok: false; issues: ProfileIssue[] }

/** The grid of a one- or two-parameter sweep; [null] without a sweep. */
export function sweepGrid(profile: Profile): Array<SweepPoint | null> {
  const params = profile.sweep?.parameters ?? []
  if (params.length === 0) return [null]
  let points: Array<Record<string, number | string | boolean>> = [{}]
  for (const param of params) points = points.flatMap((p) => param.values.map((v) => ({ ...p, [param.path]: v })))
  return points.map((values) => ({ values }))
}

export function planExperiment(profile: Profile): ExperimentPlan {
  // counted before the grid is expanded: a grid too big to run is not worth validating point by point
  const tooMany = jobCountIssue(profile)
  if (tooMany !== null) return { ok: false, issues: [tooMany] }
  const jobs: PlannedJob[] = []
  const issues: ProfileIssue[] = []
  sweepGrid(profile).forEach((point, p) => {
    const pointProfile = point === null ? profile : sweepPointProfile(profile, point, issues)
    if (pointProfile === null) return
    for (const variant of profile.kernel.variants) {
      for (const seed of profile.run.seeds) {
        const prefix = point === null ? '' : `p${p}-`
        jobs.push({ id: `${prefix}${variant}-s${seed}`, variant, seed, sweepPoint: point, profile: pointProfile })
      }
    }
  })
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) }
  const size = runSizeIssues(jobs)
  return size.length > 0 ? { ok: false, issues: size } : { ok: true, jobs }
}

/** The profile at one grid point, validated on its own; null (and issues) when the point makes it invalid. */
function sweepPointProfile(profile: Profile, point: SweepPoint, issues: ProfileIssue[]): Profile | null {
  let doc: unknown = { ...profile, sweep: undefined }
  try {
    for (const [path, value] of Object.entries(point.values)) doc = setAtPath(doc, path, value)
  } catch (e) {
    if (!(e instanceof ProfilePathError)) throw e
    issues.push({ path: 'sweep.parameters', message: e.message })
    return null
  }
  const checked = profileSchema.safeParse(JSON.parse(JSON.stringify(doc)), { reportInput: true })
  if (checked.success) return checked.data
  for (const issue of issuesOf(checked.error)) issues.push({ path: issue.path, message: `at sweep point ${sweepLabel(point)}: ${issue.message}` })
  return null
}

function jobCountIssue(profile: Profile): ProfileIssue | null {
  const points = (profile.sweep?.parameters ?? []).reduce((n, param) => n * param.values.length, 1)
  const { variants } = profile.kernel
  const { seeds } = profile.run
  const jobs = points * variants.length * seeds.length
  if (jobs <= MAX_JOBS_PER_RUN) return null
  const sweep = profile.sweep === undefined ? '' : `${points} sweep points × `
  return {
    path: profile.sweep === undefined ? 'run.seeds' : 'sweep.parameters',
    message: `${jobs} jobs (${sweep}${variants.length} variants × ${seeds.length} seeds), over the limit of ${MAX_JOBS_PER_RUN} jobs per run: use fewer sweep values, variants or seeds, or split the experiment (docs/limits.md)`
  }
}

/** Simulated events and stored series points, summed over the jobs: what the run costs the lab and its results file. */
function runSizeIssues(jobs: readonly PlannedJob[]): ProfileIssue[] {
  let events = 0
  let seriesPoints = 0
  for (const job of jobs) {
    events += estimateJobEvents(job.profile)
    seriesPoints += seriesPointsOf(job.profile)
  }
  const issues: ProfileIssue[] = []
  if (events > MAX_EVENTS_PER_RUN) {
    issues.push({
      path: 'run.durationMs',
      message: `about ${(events / 1e9).toFixed(0)} G events over the run's ${jobs.length} jobs, over the limit of ${MAX_EVENTS_PER_RUN / 1e9} G events per run: shorten run.durationMs or run fewer jobs (docs/limits.md)`
    })
  }
  if (seriesPoints > MAX_SERIES_POINTS_PER_RUN) {
    issues.push({
      path: 'run.seriesWindowMs',
      message: `${seriesPoints} series points over the run's ${jobs.length} jobs (run.durationMs / run.seriesWindowMs per series, two series per realtime task), over the limit of ${MAX_SERIES_POINTS_PER_RUN} points per run (about 40 MB of results): lengthen run.seriesWindowMs (docs/limits.md)`
    })
  }
  return issues
}

/** One job's windowed series points: max latency and misses per window, for each realtime task. */
function seriesPointsOf(p: Profile): number {
  return Math.ceil(p.run.durationMs / p.run.seriesWindowMs) * 2 * p.rtTasks.length
}

function dedupe(issues: ProfileIssue[]): ProfileIssue[] {
  const seen = new Set<string>()
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
