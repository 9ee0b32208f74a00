// Sweep points: naming and comparing grid points of a profile's `sweep`.
import type { SweepPoint } from './types'

/** "kernel.pcp.high=1000, run.durationMs=200"; null (no sweep) -> null. */
export function sweepLabel(point: SweepPoint | null): string | null {
  if (point === null) return null
  return Object.entries(point.values).map(([path, value]) => `${path}=${String(value)}`).join(', ')
}

/** A stable key for grouping jobs of the same grid point. */
export function sweepKey(point: SweepPoint | null): string {
  return point === null ? '' : JSON.stringify(Object.entries(point.values))
}
