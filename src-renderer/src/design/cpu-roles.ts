// The CPU map's edits, as pure functions of the profile's cpulist: a click toggles one CPU between
// housekeeping and isolated, and machine.isolated stays the single source of truth.
import { CpulistError, formatCpulist, parseCpulist } from '@shared/profile/cpulist'

export type IsolatedParse = { ok: true; cpus: Set<number> } | { ok: false; message: string }

export function parseIsolated(isolated: unknown, cpus: number): IsolatedParse {
  if (typeof isolated !== 'string') return { ok: true, cpus: new Set() }
  try {
    return { ok: true, cpus: new Set(parseCpulist(isolated, Math.max(1, cpus))) }
  } catch (e) {
    if (e instanceof CpulistError) return { ok: false, message: e.message }
    throw e
  }
}

/** The cpulist with `cpu` toggled, or with it forced to `isolate` when given. */
export function toggleIsolated(isolated: Set<number>, cpu: number, isolate?: boolean): string {
  const next = new Set(isolated)
  const makeIsolated = isolate ?? !next.has(cpu)
  if (makeIsolated) next.add(cpu)
  else next.delete(cpu)
  return formatCpulist([...next])
}

/** Tile size by machine size: readable tiles up to 256 CPUs, colour-only compact tiles beyond. */
export function mapDensity(cpus: number): 'large' | 'medium' | 'compact' {
  if (cpus <= 64) return 'large'
  if (cpus <= 256) return 'medium'
  return 'compact'
}
