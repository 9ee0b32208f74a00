// `*.drainlab.json` files: read with field-level messages (migrating older schemaVersions), write atomically.
import { readFile } from 'node:fs/promises'
import { parseProfileJson } from '../../src-shared/profile/load'
import type { Profile } from '../../src-shared/profile/schema'
import { validateProfile, type ProfileValidation } from '../../src-shared/profile/validate'
import { writeFileAtomic } from './atomic-write'

/** Files larger than this are not profiles; refusing them keeps a mistaken path from eating memory. */
const MAX_PROFILE_BYTES = 4 * 1024 * 1024

export async function readProfileFile(path: string): Promise<ProfileValidation> {
  let text: string
  try {
    const bytes = await readFile(path)
    if (bytes.length > MAX_PROFILE_BYTES) return { ok: false, issues: [{ path: '', message: `${path} is ${bytes.length} bytes; a profile is at most ${MAX_PROFILE_BYTES}` }] }
    text = bytes.toString('utf8')
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `cannot read ${path}: ${(e as Error).message}` }] }
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
