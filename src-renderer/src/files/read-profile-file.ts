// Browser host: a profile picked with <input type=file>, read here in the page the way the lab's own
// loader reads one (src-shared/profile/load.ts): JSON syntax errors with their line and column, duplicate
// keys named, a leading byte-order mark accepted, older schemaVersions migrated, newer ones refused. A file that migrates but does not validate is still
// returned, so the form can open it with its problems marked at the fields.
import { migrateProfile } from '@shared/profile/migrations'
import { parseStrictJson } from '@shared/profile/strict-json'

export type ReadProfile = { doc: Record<string, unknown>; fromVersion: number } | { error: string }

export async function readProfileFile(file: File): Promise<ReadProfile> {
  const parsed = parseStrictJson(await file.text())
  if (!parsed.ok) {
    const { path, message } = parsed.issue
    // a syntax error concerns the whole text; a duplicate key has its place
    return { error: path === '' ? `${file.name} is ${message}. Drain Lab profiles are *.drainlab.json files.` : `${file.name}: ${path}: ${message}` }
  }
  const migrated = migrateProfile(parsed.value)
  if (!migrated.ok) {
    const issue = migrated.issues[0]
    return { error: `${file.name}: ${issue?.path ? `${issue.path} ` : ''}${issue?.message ?? 'cannot be read'}` }
  }
  return { doc: migrated.doc, fromVersion: migrated.fromVersion }
}
