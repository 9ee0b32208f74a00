// Sweep values as typed: "64, 256, 1024" → numbers; "true"/"false" → booleans; anything else stays text
// (e.g. "auto" for kernel.pcp.high).
export function parseSweepValues(text: string): Array<number | string | boolean> {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    if (s === 'true') return true
    if (s === 'false') return false
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s
  })
}

export function formatSweepValues(values: unknown): string {
  return Array.isArray(values) ? values.join(', ') : ''
}
