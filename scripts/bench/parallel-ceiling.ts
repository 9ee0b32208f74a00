// What this machine gives N threads that share nothing, measured beside the pool: N copies of a fixed
// computation (compute-loop-worker.mjs) at once against one copy alone, each timed by its own thread from a
// common start (thread start-up left out). On a VM the host decides how much of N cores N threads get, and
// that changes by the minute; the pool's efficiency is read against this figure taken at the same moments.
import { Worker } from 'node:worker_threads'
import { join } from 'node:path'

const WORKER = join(import.meta.dirname, 'compute-loop-worker.mjs')
/** ~0.35 s on one thread of this machine: long beside the start signal's skew, short beside the pool's runs */
const ITERATIONS = 100_000_000

/** The slowest of `threads` copies of the loop started together: its own time, ms. */
async function slowestCopy(threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { workerData: { iterations: ITERATIONS } }))
  try {
    const message = (worker: Worker) => new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await Promise.all(workers.map(message))
    const done = workers.map(message)
    for (const worker of workers) worker.postMessage('go')
    const times = (await Promise.all(done)) as { ms: number }[]
    return Math.max(...times.map((t) => t.ms))
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}

/** One copy alone, then `threads` together: the parallel efficiency of independent threads right now (1 = ideal). */
export async function parallelCeiling(threads: number): Promise<number> {
  const alone = await slowestCopy(1)
  const together = await slowestCopy(threads)
  return alone / together
}
