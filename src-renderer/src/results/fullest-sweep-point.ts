// Which sweep point the live cards show while a sweep runs: the one with the most completed jobs. The lab
// starts the longest jobs first, not in grid order, so "the newest job's point" can be a point with one
// seed done while another point is complete. Ties go to the first point in the grid.
import { sweepLabel } from '@shared/results/sweep-point'
import type { JobResult } from '@shared/results/types'

export function fullestSweepPoint(completed: readonly JobResult[]): string | null {
  const counts = new Map<string | null, number>()
  for (const job of completed) {
    const label = sweepLabel(job.sweepPoint)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  let best: string | null = null
  let bestCount = 0
  for (const [label, count] of counts) {
    if (count > bestCount) {
      best = label
      bestCount = count
    }
  }
  return best
}
