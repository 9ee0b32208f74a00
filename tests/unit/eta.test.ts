// The progress ETA stays unknown until 5 % is done: the first progress event of a 4 s run promised
// "ETA 1 min 22 s" (fresh-clone walk), extrapolating the workers' start-up.
import { describe, expect, it } from 'vitest'
import { etaFrom, MIN_ETA_FRACTION } from '../../src-main/lab/eta'

describe('etaFrom', () => {
  it('is unknown before 5 % and done at the end', () => {
    expect(etaFrom(800, 0.01)).toBeNull()
    expect(etaFrom(800, MIN_ETA_FRACTION - 1e-9)).toBeNull()
    expect(etaFrom(800, 1)).toBeNull()
  })
  it('extrapolates the elapsed time from there on', () => {
    expect(etaFrom(1000, 0.25)).toBe(3000)
    expect(etaFrom(4000, 0.5)).toBe(4000)
  })
})
