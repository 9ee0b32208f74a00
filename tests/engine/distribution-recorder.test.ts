// The fast recorder lays counts out exactly like hdr-histogram-js: same percentiles as recording directly.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as hdr from 'hdr-histogram-js'
import { DistributionRecorder } from '../../src-main/engine/metrics/distribution-recorder'

describe('DistributionRecorder', () => {
  it('matches hdr-histogram-js percentiles, and keeps exact min / max / mean', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2_000_000_000_000 })), { minLength: 1, maxLength: 400 }), (values) => {
      const r = new DistributionRecorder()
      const h = hdr.build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3, useWebAssembly: false })
      for (const v of values) {
        r.record(v)
        h.recordValue(v)
      }
      const s = r.summary()
      const min = Math.min(...values)
      const max = Math.max(...values)
      const clamp = (x: number) => Math.min(max, Math.max(min, x))
      expect(s.count).toBe(values.length)
      expect(s.min).toBe(min)
      expect(s.max).toBe(max)
      expect(s.mean).toBe(Math.round(values.reduce((a, b) => a + b, 0) / values.length))
      for (const [p, got] of [[50, s.p50], [99, s.p99], [99.9, s.p999], [99.99, s.p9999]] as const) expect(got).toBe(clamp(h.getValueAtPercentile(p)))
      const decoded = hdr.decodeFromCompressedBase64(s.hdr)
      expect(decoded.totalCount).toBe(values.length)
      expect(decoded.getValueAtPercentile(50)).toBe(h.getValueAtPercentile(50))
    }), { numRuns: 100 })
  })

  it('mergeFrom gives exactly the summary of recording every sample in one recorder, whatever the split', () => {
    const sample = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2_000_000_000 })), fc.integer({ min: 1, max: 64 }))
    fc.assert(fc.property(fc.array(fc.array(sample, { maxLength: 50 }), { minLength: 1, maxLength: 5 }), (parts) => {
      const whole = new DistributionRecorder()
      const merged = new DistributionRecorder()
      for (const part of parts) {
        const r = new DistributionRecorder()
        for (const [v, times] of part) {
          r.record(v, times)
          whole.record(v, times)
        }
        merged.mergeFrom(r)
      }
      expect(merged.summary()).toEqual(whole.summary())
    }), { numRuns: 100 })
  })

  it('exports exactly the base64 hdr-histogram-js encodes for the same samples', () => {
    const sample = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2_000_000_000_000 })), fc.integer({ min: 1, max: 1000 }))
    fc.assert(fc.property(fc.array(sample, { maxLength: 300 }), (samples) => {
      const r = new DistributionRecorder()
      for (const [v, times] of samples) r.record(v, times)
      const max = Math.max(0, ...samples.map(([v]) => v))
      // what the recorder's summary once built: a 32-bit histogram sized to the maximum
      const h = hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: Math.max(2, max), numberOfSignificantValueDigits: 3, useWebAssembly: false })
      for (const [v, times] of samples) h.recordValueWithCount(v, times)
      expect(r.summary().hdr).toBe(hdr.encodeIntoCompressedBase64(h))
    }), { numRuns: 200 })
  })

  it('summarises an empty distribution as zeros', () => {
    expect(new DistributionRecorder().summary()).toMatchObject({ count: 0, min: 0, max: 0, p99: 0 })
  })
})
