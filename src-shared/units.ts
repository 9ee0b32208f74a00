// Durations: the engine counts integer nanoseconds; people read and type µs, ms and s.

const NS_PER: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9 }

export class DurationParseError extends Error {}

/**
 * "10s", "250ms", "20 µs", "1500ns" -> nanoseconds. The unit is required: a bare "2" read as milliseconds by one
 * command and as seconds by another ran a 2 ms experiment without a word.
 */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)?\s*$/.exec(text)
  if (!m) throw new DurationParseError(`"${text}" is not a duration (use a number with ns, us, µs, ms or s)`)
  if (m[2] === undefined) throw new DurationParseError(`"${text}" has no unit: write it with ns, us, µs, ms or s (e.g. ${m[1]}s or ${m[1]}ms)`)
  return Math.round(Number(m[1]) * NS_PER[m[2]])
}

/** The unit that keeps 1–3 significant integer digits of `ns`, as ns per unit and its name. */
function displayUnit(ns: number): readonly [number, string] {
  const abs = Math.abs(ns)
  return abs < 1e3 ? [1, 'ns'] : abs < 1e6 ? [1e3, 'µs'] : abs < 1e9 ? [1e6, 'ms'] : [1e9, 's']
}

/** A duration in the unit that keeps 1–3 significant integer digits: 950 ns, 12.3 µs, 4.07 ms, 1.20 s. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '—'
  const [unit, name] = displayUnit(ns)
  return unit === 1 ? `${Math.round(ns)} ns` : `${(ns / unit).toFixed(trimDecimals(ns / unit))} ${name}`
}

/** formatNs's digits: three significant ones, at most two decimals */
function trimDecimals(v: number): number {
  const abs = Math.abs(v)
  return abs >= 100 ? 0 : abs >= 10 ? 1 : 2
}

/** A time in ns of one microsecond: the resolution at which the timeline names the time of a record. */
export const MICROSECOND_NS = 1e3

/**
 * A point in time, in formatNs's unit, with the decimals a step of `resolutionNs` needs on top of formatNs's
 * three significant digits: deep in a run a 360 µs window reads "378.345 ms – 378.705 ms" where formatNs reads
 * "378 ms – 379 ms", as Perfetto's time labels keep the precision of the zoom.
 */
export function formatInstant(ns: number, resolutionNs: number): string {
  if (!Number.isFinite(ns)) return '—'
  const [unit, name] = displayUnit(ns)
  const step = Math.max(1, resolutionNs) / unit
  const decimals = Math.min(9, Math.max(trimDecimals(ns / unit), Math.ceil(-Math.log10(step) - 1e-9)))
  return `${(ns / unit).toFixed(unit === 1 ? 0 : decimals)} ${name}`
}

/** The resolution points inside a span are named at: a hundredth of it, so a zoomed-in window is not a rounded millisecond. */
export function spanResolution(spanNs: number): number {
  return spanNs / 100
}

/** A span of the timeline: "378.345 ms – 378.705 ms (360 µs across)", its ends at spanResolution. */
export function formatSpan(fromNs: number, toNs: number): string {
  const resolution = spanResolution(toNs - fromNs)
  return `${formatInstant(fromNs, resolution)} – ${formatInstant(toNs, resolution)} (${formatNs(toNs - fromNs)} across)`
}

/**
 * Time left of a run, as the Run view and the CLI's progress line both show it: "12 s", "1 min 05 s";
 * null while the lab has no estimate yet (each caller says so its own way).
 */
export function formatEta(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs)) return null
  const s = Math.max(0, Math.round(etaMs / 1000))
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
}

/** Simulated events per second of a run, as the Run view and the CLI's progress line show it: "1.25 M events/s", "830 k events/s". */
export function formatEventRate(eventsPerSec: number): string {
  if (!Number.isFinite(eventsPerSec) || eventsPerSec <= 0) return '0 events/s'
  if (eventsPerSec >= 1e6) return `${(eventsPerSec / 1e6).toFixed(2)} M events/s`
  if (eventsPerSec >= 1e3) return `${(eventsPerSec / 1e3).toFixed(0)} k events/s`
  return `${eventsPerSec.toFixed(0)} events/s`
}
