// The live engine's clock: the host's monotonic high-resolution clock (process.hrtime, CLOCK_MONOTONIC), in ns
// since the run's epoch, which the runner takes once and hands every worker, so all threads read one timeline.
// Relative ns stay exact in a double; absolute ones lose nanoseconds after ~104 days of uptime.
export type Clock = () => number

export function clockFrom(epochNs: bigint): Clock {
  return () => Number(process.hrtime.bigint() - epochNs)
}

/** A CPU-bound wait, as a job's runtime or a polling loop's gap: returns early (false) when `stopped()` turns true. */
export function busyWaitUntil(now: Clock, untilNs: number, stopped: () => boolean): boolean {
  while (now() < untilNs) {
    if (stopped()) return false
  }
  return true
}
