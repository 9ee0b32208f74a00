// One realtime job on its CPU's worker: allocsPerJob allocations then as many frees through the owner's fast
// path (model.md §5), and the rest of its runtime as a busy wait — the CPU is the task's for that long.
import type { Clock } from './live-clock'
import { busyWaitUntil } from './live-clock'
import type { OwnerFastPath } from './owner-fast-path'
import type { TaskSamples } from './worker-protocol'

/** Runs the job from `startNs` for `runtimeNs`; returns its finish time (early if the run stopped). */
export function runRtJob(fast: OwnerFastPath, allocs: number, startNs: number, runtimeNs: number, now: Clock, stopped: () => boolean): number {
  let got = 0
  for (let i = 0; i < allocs; i++) if (fast.allocPage()) got++
  for (let i = 0; i < got; i++) fast.freePage()
  busyWaitUntil(now, startNs + runtimeNs, stopped)
  return now()
}

/**
 * Records a job released (or arrived) at `releaseNs` that started at `startNs` and finished at `finishNs`;
 * returns whether it missed its deadline (the caller applies the miss policy).
 */
export function recordRtJob(samples: TaskSamples, releaseNs: number, startNs: number, finishNs: number, deadlineNs: number): boolean {
  const missed = finishNs - releaseNs > deadlineNs
  samples.releaseNs.push(releaseNs)
  samples.latencyNs.push(startNs - releaseNs)
  samples.responseNs.push(finishNs - releaseNs)
  samples.missed.push(missed)
  return missed
}
