// Browser host: a profile picked with <input type=file>, parsed and validated here, in the page.
import { validateProfile, type ProfileValidation } from '@shared/profile/validate'

export type ReadProfile = { json: unknown; validation: ProfileValidation } | { error: string }

export async function readProfileFile(file: File): Promise<ReadProfile> {
  let json: unknown
  try {
    json = JSON.parse(await file.text())
  } catch (e) {
    return { error: `${file.name} is not JSON (${e instanceof Error ? e.message : String(e)}). Drain Lab profiles are *.drainlab.json files.` }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { error: `${file.name} holds JSON but not a profile object.` }
  }
  return { json, validation: validateProfile(json) }
}
