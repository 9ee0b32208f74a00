// Text of a `*.drainlab.json` file -> a valid profile, or field-level issues. Pure: the store reads the file.
import { migrateProfile } from './migrations'
import { parseStrictJson } from './strict-json'
import { validateProfile, type ProfileValidation } from './validate'

export function parseProfileJson(text: string): ProfileValidation {
  const parsed = parseStrictJson(text)
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] }
  return loadProfileDocument(parsed.value)
}

/** A parsed document: migrate to the current schemaVersion, then validate. */
export function loadProfileDocument(doc: unknown): ProfileValidation {
  const migrated = migrateProfile(doc)
  if (!migrated.ok) return migrated
  return validateProfile(migrated.doc)
}
