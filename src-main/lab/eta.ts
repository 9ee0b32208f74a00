// A run's or a job's time left, as the progress events report it.
/**
 * Time left, extrapolated from the share done so far — unknown (null) before MIN_ETA_FRACTION: the first
 * percent carries the workers' start and the JIT's warm-up and would promise minutes for a run of seconds.
 */
export const MIN_ETA_FRACTION = 0.05
export function etaFrom(elapsedMs: number, fraction: number): number | null {
  return fraction >= MIN_ETA_FRACTION && fraction < 1 ? Math.round((elapsedMs * (1 - fraction)) / fraction) : null
}
