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

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number', int: 'a whole number', string: 'text (a JSON string)', boolean: 'true or false', array: 'a list', object: 'an object'
}

/** A wrong value as the user wrote it: `the text "4"` (a number in quotes says so), `a list`, `null`… */
function described(input: unknown): string {
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input
    return `the text ${JSON.stringify(shown)}${input.trim() !== '' && Number.isFinite(Number(input)) ? ' (write the number without quotes)' : ''}`
  }
  if (Array.isArray(input)) return 'a list'
  if (input === null) return 'null'
  if (typeof input === 'object') return 'an object'
  return `${typeof input === 'number' ? 'the number ' : ''}${String(input)}`
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
    // zod's own wording of a wrong type ("Invalid input: expected number, received string"); a schema's message stands
    if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
      return { path, message: `must be ${EXPECTED[issue.expected] ?? issue.expected}${'input' in issue ? `, not ${described(issue.input)}` : ''}` }
    }
    return { path, message: issue.message }
  })
}
