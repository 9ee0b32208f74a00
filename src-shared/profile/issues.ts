// A problem with a profile, for people: where (the field's dotted path) and why.
import type { z } from 'zod'

export interface ProfileIssue {
  /** Dotted path into the profile, e.g. "rtTasks.0.cpu"; "" for the whole document. */
  path: string
  message: string
}

/** Where an issue is, for people: its path, or "(document)" for the document as a whole. */
export function issuePlace(issue: ProfileIssue): string {
  return issue.path === '' ? '(document)' : issue.path
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.')
}

export function issuesOf(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path)
    if (issue.code === 'unrecognized_keys') {
      return { path, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)` }
    }
    // issues carry their input only when the parse ran with reportInput; without it, zod's own message stands
    const missing = 'input' in issue && issue.input === undefined
    if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return { path, message: 'is required' }
    return { path, message: issue.message }
  })
}
