// What differs between two profiles, field by field (dotted paths), for the Compare view.
export interface ProfileDifference {
  path: string
  a: unknown
  b: unknown
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    out.set(prefix, value.join(', '))
  } else if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '(none)' : '{}')
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    out.set(prefix, value)
  }
}

export function profileDiff(a: unknown, b: unknown): ProfileDifference[] {
  const fa = new Map<string, unknown>()
  const fb = new Map<string, unknown>()
  flatten(a, '', fa)
  flatten(b, '', fb)
  const paths = [...new Set([...fa.keys(), ...fb.keys()])]
  return paths.filter((p) => fa.get(p) !== fb.get(p)).map((path) => ({ path, a: fa.get(path), b: fb.get(path) }))
}
