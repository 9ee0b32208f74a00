// What "Add task" and "Add drain source" insert: a valid starting point the user then edits.
import type { DrainSource, RtTask } from '@shared/profile/schema'

/** A 1 kHz cyclictest-like task at 20 % utilisation on the first isolated CPU that has no task yet. */
export function newRtTask(existing: ReadonlyArray<{ name?: unknown; cpu?: unknown }>, isolated: readonly number[]): RtTask {
  const taken = new Set(existing.map((t) => t.cpu))
  const names = new Set(existing.map((t) => t.name))
  let n = existing.length
  while (names.has(`rt${n}`)) n++
  const cpu = isolated.find((c) => !taken.has(c)) ?? isolated[0] ?? 0
  return {
    name: `rt${n}`, cpu, priority: 50, mode: 'periodic', periodUs: 1000, runtimeUs: 200,
    allocsPerJob: 0, initialPcpPages: 0, missPolicy: 'continue'
  }
}

/** Reclaim-driven global drains at 1/s, the "under memory pressure" default of model.md. */
export function newDrainSource(): DrainSource {
  return { kind: 'reclaim', ratePerSec: 1 }
}
