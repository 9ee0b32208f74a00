// Delay before the n-th reconnect attempt: doubling from 250 ms, capped at 8 s, so a restarted
// `drainlab serve` is picked up quickly without hammering a host that is gone.
export function reconnectDelayMs(attempt: number): number {
  return Math.min(8000, 250 * 2 ** Math.max(0, attempt))
}
