// Integer helpers of include/linux/log2.h and lib/math/int_sqrt.c, exact on safe integers.

/** rounddown_pow_of_two(n): the largest power of two ≤ n (n ≥ 1). */
export function rounddownPowOfTwo(n: number): number {
  if (n < 1) throw new Error('rounddown_pow_of_two of a value below 1')
  let p = 1
  while (p * 2 <= n) p *= 2
  return p
}

/** int_sqrt(x): floor(sqrt(x)) for a non-negative safe integer. */
export function intSqrt(x: number): number {
  if (x < 0) throw new Error('int_sqrt of a negative value')
  let r = Math.floor(Math.sqrt(x))
  while (r * r > x) r--
  while ((r + 1) * (r + 1) <= x) r++
  return r
}

/** 1 << n for an integer n ≥ 0, exactly: a shift below 31 (`2 ** n` is a floating-point pow, ~40 ns on the engine's hot path). */
export function pow2(n: number): number {
  return n < 31 ? 1 << n : 2 ** n
}
