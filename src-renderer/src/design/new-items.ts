// What "Add task" and "Add drain source" insert: a valid starting point the user then edits.
import type { DrainSource, RtTask } from '@shared/profile/schema'

export interface NewTaskPlace {
  cpu: number
  /** the CPU has to be isolated first: every isolated CPU already runs a task */
  isolate: boolean
}

/**
 * Where "+ Add realtime task" puts a task: the first isolated CPU without one; when each has one, the highest
 * housekeeping CPU, isolated for it (isolcpus lists are conventionally the high CPUs), as long as one
 * housekeeping CPU remains; null when none can be spared. Never a CPU that already runs a task.
 */
export function placeNewTask(existing: ReadonlyArray<{ cpu?: unknown }>, isolated: readonly number[], cpus: number): NewTaskPlace | null {
  const taken = new Set(existing.map((t) => t.cpu))
  const free = isolated.find((c) => !taken.has(c))
  if (free !== undefined) return { cpu: free, isolate: false }
  const housekeeping = Array.from({ length: cpus }, (_, c) => c).filter((c) => !isolated.includes(c) && !taken.has(c))
  return housekeeping.length >= 2 ? { cpu: housekeeping[housekeeping.length - 1], isolate: true } : null
}

/** A 1 kHz cyclictest-like task at 20 % utilisation on `cpu`, with a name no other task has. */
export function newRtTask(existing: ReadonlyArray<{ name?: unknown }>, cpu: number): RtTask {
  const names = new Set(existing.map((t) => t.name))
  let n = existing.length
  while (names.has(`rt${n}`)) n++
  return {
    name: `rt${n}`, cpu, priority: 50, mode: 'periodic', periodUs: 1000, runtimeUs: 200,
    allocsPerJob: 0, initialPcpPages: 0, missPolicy: 'continue',
    lruFoliosPerJob: 0, dirtiesVmstat: false, chargesMemcg: false, allocatesSlab: false
  }
}

/**
 * Reclaim-driven global drains (docs/model.md §5, drain sources) at 1/s: a machine under light memory pressure,
 * where the series' stress test runs 100/s; the user tunes the rate from there.
 */
export function newDrainSource(): DrainSource {
  return { kind: 'reclaim', ratePerSec: 1 }
}
