// One thread of the parallel-ceiling probe (parallel-ceiling.ts): a fixed amount of pure computation — a
// xorshift stream folded into a 32 KiB array, no allocation, nothing shared — timed by the thread itself.
// It says it is ready and waits for the word to start, so that copies started together compute together
// whatever their threads' start-up took. Plain JavaScript: it runs as a worker with or without tsx.
import { parentPort, workerData } from 'node:worker_threads'

const SLOTS = 4096

function compute(iterations) {
  const values = new Float64Array(SLOTS)
  let x = 0x9e3779b9
  let sum = 0
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    const slot = (x >>> 0) & (SLOTS - 1)
    values[slot] += i
    sum += values[(slot * 7) & (SLOTS - 1)]
  }
  return sum
}

parentPort.once('message', () => {
  const started = performance.now()
  const sum = compute(workerData.iterations)
  // the sum goes back too, so that the loop's result is used and cannot be left out
  parentPort.postMessage({ ms: performance.now() - started, sum })
})
parentPort.postMessage('ready')
