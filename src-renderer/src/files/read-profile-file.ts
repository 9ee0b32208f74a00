// Browser host: a profile picked with <input type=file>, read here in the page the way the lab's own
// loader reads one (src-shared/profile/load.ts): JSON syntax errors with their line and column, older
// schemaVersions migrated, newer ones refused. A file that migrates but does not validate is still
// returned, so the form can open it with its problems marked at the fields.
import { parseProfileJson } from '@shared/profile/load'
import { migrateProfile } from '@shared/profile/migrations'

export type ReadProfile = { doc: Record<string, unknown>; fromVersion: number } | { error: string }

export async function readProfileFile(file: File): Promise<ReadProfile> {
  const text = await file.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const parsed = parseProfileJson(text)
    const why = parsed.ok ? 'not JSON' : parsed.issues[0]?.message
    return { error: `${file.name} is ${why}. Drain Lab profiles are *.drainlab.json files.` }
  }
  const migrated = migrateProfile(json)
  if (!migrated.ok) {
    const issue = migrated.issues[0]
    return { error: `${file.name}: ${issue?.path ? `${issue.path} ` : ''}${issue?.message ?? 'cannot be read'}` }
  }
  return { doc: migrated.doc, fromVersion: migrated.fromVersion }
}
