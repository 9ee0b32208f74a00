// The unit of an axis, read from its title as the chart builders write it: "wakeup latency (µs, log)"
// → "µs", "samples (log)" → "samples", "time (µs)" → "µs".
export function axisUnit(title: unknown): string {
  if (typeof title !== 'string') return ''
  const m = /^(.*?)\s*\(([^,)]+)/.exec(title)
  if (!m) return ''
  const unit = m[2].trim()
  if (unit === 'log') return m[1].split(/\s+/).pop() ?? ''
  return unit
}

/** Exact enough for a tooltip: six significant digits, no float noise. */
export function exactValue(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(6)))
}
