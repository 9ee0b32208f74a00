// A point in time on the timeline keeps the digits its zoom needs (units.ts formatInstant), where formatNs's
// three significant digits round a window deep in a run to the millisecond.
import { describe, expect, it } from 'vitest'
import { formatInstant, formatNs, MICROSECOND_NS } from '../../src-shared/units'

describe('formatInstant', () => {
  it('shows a 360 µs window deep in a run to a hundredth of its span, where formatNs rounds both ends to 378 ms', () => {
    expect([formatNs(378_345_052), formatNs(378_705_052)]).toEqual(['378 ms', '379 ms'])
    expect([formatInstant(378_345_052, 3600), formatInstant(378_705_052, 3600)]).toEqual(['378.345 ms', '378.705 ms'])
  })

  it('names a record\'s time to the microsecond in every unit', () => {
    expect(formatInstant(378_345_052, MICROSECOND_NS)).toBe('378.345 ms')
    expect(formatInstant(37_512_345_678, MICROSECOND_NS)).toBe('37.512346 s')
    expect(formatInstant(12_345, MICROSECOND_NS)).toBe('12.3 µs')
    expect(formatInstant(999, MICROSECOND_NS)).toBe('999 ns')
  })

  it('never shows fewer digits than formatNs, nor more than nanoseconds', () => {
    expect(formatInstant(2_345_678, 1e6)).toBe(formatNs(2_345_678))
    expect(formatInstant(1_500_000_000, 0.001)).toBe('1.500000000 s')
    expect(formatInstant(Infinity, 1)).toBe('—')
  })
})
