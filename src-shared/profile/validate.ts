// One entry point for "is this a profile?": used by the loader, the CLI, LabApi and the Design form. A profile
// is valid when its fields are and when its experiment can be planned (every sweep point valid, the run
// within ./run-limits.ts): `drainlab validate` and the Design form then agree with what `run` accepts.
import { planExperiment } from './experiment-plan'
import { issuesOf, type ProfileIssue } from './issues'
import { profileSchema } from './rules'
import type { Profile } from './schema'

export { formatPath, issuePlace, issuesOf, type ProfileIssue } from './issues'

export type ProfileValidation = { ok: true; profile: Profile } | { ok: false; issues: ProfileIssue[] }

export function validateProfile(input: unknown): ProfileValidation {
  const parsed = profileSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) }
  const plan = planExperiment(parsed.data)
  return plan.ok ? { ok: true, profile: parsed.data } : { ok: false, issues: plan.issues }
}
