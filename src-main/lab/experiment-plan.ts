// An experiment as jobs: profile × sweep points × variants × seeds, in that order (the order of results.jobs).
// Each sweep point's profile is validated again: a grid value can make an otherwise valid profile invalid.
import { setAtPath, ProfilePathError } from '../../src-shared/profile/paths'
import type { Profile, Variant } from '../../src-shared/profile/schema'
import { validateProfile, type ProfileIssue } from '../../src-shared/profile/validate'
import { sweepLabel } from '../../src-shared/results/sweep-point'
import type { SweepPoint } from '../../src-shared/results/types'

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
  const jobs: PlannedJob[] = []
  const issues: ProfileIssue[] = []
  const grid = sweepGrid(profile)
  grid.forEach((point, p) => {
    let pointProfile = profile
    if (point !== null) {
      try {
        let doc: unknown = { ...profile, sweep: undefined }
        for (const [path, value] of Object.entries(point.values)) doc = setAtPath(doc, path, value)
        const checked = validateProfile(JSON.parse(JSON.stringify(doc)))
        if (!checked.ok) {
          for (const issue of checked.issues) issues.push({ path: issue.path, message: `at sweep point ${sweepLabel(point)}: ${issue.message}` })
          return
        }
        pointProfile = checked.profile
      } catch (e) {
        if (!(e instanceof ProfilePathError)) throw e
        issues.push({ path: 'sweep.parameters', message: e.message })
        return
      }
    }
    for (const variant of profile.kernel.variants) {
      for (const seed of profile.run.seeds) {
        const prefix = point === null ? '' : `p${p}-`
        jobs.push({ id: `${prefix}${variant}-s${seed}`, variant, seed, sweepPoint: point, profile: pointProfile })
      }
    }
  })
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) }
  return { ok: true, jobs }
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
