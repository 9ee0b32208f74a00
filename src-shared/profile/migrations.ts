// schemaVersion migrations: a file written by an older Drain Lab is brought up to the current format one
// version at a time; a file from a newer Drain Lab is refused (we cannot know what its new fields mean).
import { PROFILE_SCHEMA_VERSION } from './schema'
import type { ProfileIssue } from './validate'

/** MIGRATIONS[n] turns a version-n document into a version-(n+1) document. Version 1 is the first format. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>
export const MIGRATIONS: Readonly<Record<number, Migration>> = {}

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; fromVersion: number }
  | { ok: false; issues: ProfileIssue[] }

const refuse = (message: string): MigrationResult => ({ ok: false, issues: [{ path: 'schemaVersion', message }] })

export function migrateProfile(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  currentVersion: number = PROFILE_SCHEMA_VERSION
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a profile is a JSON object' }] }
  }
  const version = (input as Record<string, unknown>).schemaVersion
  if (version === undefined) return refuse(`is required (this Drain Lab writes schemaVersion ${currentVersion})`)
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('must be a whole number ≥ 1')
  if (version > currentVersion) {
    return refuse(`${version}: this file was written by a newer Drain Lab (this version reads schemaVersion ${currentVersion} and older); update Drain Lab to open it`)
  }
  let doc = { ...(input as Record<string, unknown>) }
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[v]
    if (step === undefined) return refuse(`${version} cannot be migrated: no migration from version ${v} to ${v + 1}`)
    doc = { ...step(doc), schemaVersion: v + 1 }
  }
  return { ok: true, doc, fromVersion: version }
}
