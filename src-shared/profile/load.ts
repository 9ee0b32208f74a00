// Text of a `*.drainlab.json` file -> a valid profile, or field-level issues. Pure: the store reads the file.
import { migrateProfile } from './migrations'
import { validateProfile, type ProfileValidation } from './validate'

/** Where in the text a JSON syntax error is, as "line L, column C" when the engine's message gives a position. */
function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const at = /position (\d+)/.exec(message)
  if (!at) return `not valid JSON: ${message}`
  const offset = Number(at[1])
  const before = text.slice(0, offset).split('\n')
  return `not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${message}`
}

export function parseProfileJson(text: string): ProfileValidation {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: describeSyntaxError(text, e) }] }
  }
  return loadProfileDocument(doc)
}

/** A parsed document: migrate to the current schemaVersion, then validate. */
export function loadProfileDocument(doc: unknown): ProfileValidation {
  const migrated = migrateProfile(doc)
  if (!migrated.ok) return migrated
  return validateProfile(migrated.doc)
}
