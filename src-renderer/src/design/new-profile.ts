// The profile "New" starts from: a small machine with two isolated CPUs and nothing on them yet,
// every other field at the schema's default.
import { profileObjectSchema, PROFILE_SCHEMA_VERSION, type Profile } from '@shared/profile/schema'

export function newProfile(): Profile {
  return profileObjectSchema.parse({
    schemaVersion: PROFILE_SCHEMA_VERSION,
    name: 'Untitled experiment',
    machine: { cpus: 4, isolated: '2-3' }
  })
}
