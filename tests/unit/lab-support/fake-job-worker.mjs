// A stand-in pool worker for testing the pool's mechanics (progress, cancel, failures) without the engine.
// seed 13 throws; seed 66 kills its worker thread; others spin seed × 1e6 iterations or until cancelled.
export default function fakeJob(task) {
  const flags = new Int32Array(task.control, 0, 2)
  const numbers = new Float64Array(task.control, 0, 4)
  if (task.seed === 13) throw new Error('seed 13 is unlucky')
  if (task.seed === 66) process.exit(3)
  const total = task.seed * 1_000_000
  let acc = 0
  let i = 0
  for (; i < total; i++) {
    acc += Math.sqrt(i)
    if (i % 100_000 === 0) {
      numbers[1] = i / total
      numbers[2] = i
      if (Atomics.load(flags, 0) === 1) break
    }
  }
  return { variant: task.variant, seed: task.seed, partial: i < total, events: i, acc, simulatedNs: i, tasks: [], drains: { durationNs: { p50: 0, p99: 0, max: 0 }, stalled: 0, skipped: 0 } }
}
