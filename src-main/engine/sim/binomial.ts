// Binomial(n, p) draws by inversion of the distribution function (Kachitvichyanukul and Schmeiser's BINV,
// Comm. ACM 31(2), 1988): one uniform and about n·p steps instead of n trials. p is taken ≤ 1/2 (by symmetry)
// and n split into blocks of at most 512 trials, so that (1 − p)^n, the chance of 0, stays far above the
// smallest double.
import type { RandomStream } from './random-stream'

const BLOCK = 512

export function binomial(stream: RandomStream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0
  if (p >= 1) return n
  if (p > 0.5) return n - binomial(stream, n, 1 - p)
  let k = 0
  for (let left = n; left > 0; left -= BLOCK) k += inversion(stream, Math.min(left, BLOCK), p)
  return k
}

function inversion(stream: RandomStream, n: number, p: number): number {
  const odds = p / (1 - p)
  let prob = Math.pow(1 - p, n)
  let u = stream.next()
  let k = 0
  // walk up the distribution function until it passes u (floating-point slack at the top: stop at n)
  while (u >= prob && k < n) {
    u -= prob
    k++
    prob *= (odds * (n - k + 1)) / k
  }
  return k
}
