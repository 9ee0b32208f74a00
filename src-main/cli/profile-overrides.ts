// Command-line overrides of a profile (--variants, --seeds, --duration, --set path=value), applied to the
// loaded profile and validated exactly like a file: a bad override is an error at its path.
import { ProfilePathError, setAtPath, setFromText } from '../../src-shared/profile/paths'
import type { Profile } from '../../src-shared/profile/schema'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { DurationParseError, parseDuration } from '../../src-shared/units'
import { splitList } from './cli-arguments'

export interface ProfileOverrides {
  variants?: string
  seeds?: string
  duration?: string
  set?: string[]
}

const fail = (path: string, message: string): ProfileValidation => ({ ok: false, issues: [{ path, message }] })

export function applyOverrides(profile: Profile, o: ProfileOverrides): ProfileValidation {
  let doc: unknown = profile
  if (o.variants !== undefined) doc = setAtPath(doc, 'kernel.variants', splitList(o.variants))
  if (o.seeds !== undefined) {
    const seeds = splitList(o.seeds).map(Number)
    if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s))) return fail('run.seeds', `--seeds takes whole numbers separated by commas (got "${o.seeds}")`)
    doc = setAtPath(doc, 'run.seeds', seeds)
  }
  if (o.duration !== undefined) {
    try {
      doc = setAtPath(doc, 'run.durationMs', parseDuration(o.duration) / 1e6)
    } catch (e) {
      if (e instanceof DurationParseError) return fail('run.durationMs', `--duration: ${e.message}`)
      throw e
    }
  }
  for (const assignment of o.set ?? []) {
    const eq = assignment.indexOf('=')
    if (eq <= 0) return fail('', `--set takes path=value (got "${assignment}")`)
    const path = assignment.slice(0, eq).trim()
    try {
      doc = setFromText(doc, path, assignment.slice(eq + 1))
    } catch (e) {
      if (e instanceof ProfilePathError) return fail(path, `--set: ${e.message}`)
      throw e
    }
  }
  return validateProfile(doc)
}
