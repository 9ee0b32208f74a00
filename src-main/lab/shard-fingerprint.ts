// The fingerprint that ties the shards of one scaled-out run together: SHA-256 of the canonical profile
// JSON, the plan's job ids and the engine version. Shards with equal fingerprints ran the same jobs of the
// same profile with the same engine, so their results join into what one machine would have produced.
import { createHash } from 'node:crypto'
import type { Profile } from '../../src-shared/profile/schema'

/** JSON with every object's keys sorted: the same profile gives the same text whatever built it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function shardFingerprint(profile: Profile, planJobIds: readonly string[], engineVersion: string): string {
  // NUL separates the parts: none of them can contain it unescaped, so no two inputs give the same text
  return createHash('sha256').update(`${canonicalJson(profile)}\u0000${planJobIds.join('\n')}\u0000${engineVersion}`).digest('hex')
}
