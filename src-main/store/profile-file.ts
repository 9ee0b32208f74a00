// `*.drainlab.json` files: read with field-level messages (migrating older schemaVersions), write atomically.
import { parseProfileJson } from '../../src-shared/profile/load'
import type { Profile } from '../../src-shared/profile/schema'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { writeFileAtomic } from './atomic-write'
import { NotARegularFileError, readRegularFile } from './read-regular-file'

/** Files larger than this are not profiles; refusing them keeps a mistaken path from eating memory. */
const MAX_PROFILE_BYTES = 4 * 1024 * 1024

export async function readProfileFile(path: string): Promise<ProfileValidation> {
  const refuse = (message: string): ProfileValidation => ({ ok: false, issues: [{ path: '', message }] })
  let text: string
  try {
    text = await readRegularFile(path, MAX_PROFILE_BYTES)
  } catch (e) {
    if (!(e instanceof NotARegularFileError)) return refuse(`cannot read ${path}: ${(e as Error).message}`)
    if (e.code === 'EFBIG') return refuse(`${path} is over ${MAX_PROFILE_BYTES} bytes; a profile is at most 4 MiB`)
    return refuse(`${e.message.replace(/ \(\w+\)$/, '')}; a profile is a *.drainlab.json file`)
  }
  return parseProfileJson(text)
}

/** Validated before writing: a file Drain Lab saves always opens again. */
export async function writeProfileFile(path: string, input: unknown): Promise<ProfileValidation> {
  const checked = validateProfile(input)
  if (!checked.ok) return checked
  await writeFileAtomic(path, serializeProfile(checked.profile))
  return checked
}

export function serializeProfile(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`
}
