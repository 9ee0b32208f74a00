// The deadline misses the run timeline explains (metrics/miss-samples.ts): the first ones and the longest,
// bounded, each response broken down into parts that sum to it.
import { describe, expect, it } from 'vitest'
import { MissSamples, TIMELINE_MISS_SAMPLES, type MissFacts } from '../../src-main/engine/metrics/miss-samples'
import { SOURCE_COUNT, SRC_CACHE_REFILL, SRC_KWORKER } from '../../src-main/engine/metrics/interference-source'

function miss(releaseNs: number, responseNs: number, charged: Array<[number, number]> = []): MissFacts {
  const bySource = new Float64Array(SOURCE_COUNT)
  for (const [source, ns] of charged) bySource[source] = ns
  return { task: 'loop', cpu: 2, releaseNs, responseNs, deadlineNs: 1000, timerNs: 50, ranNs: 400, bySource }
}

describe('miss samples', () => {
  it('breaks a response into interference, timer, the job\'s own run (without what it lost inside it) and queueing, summing to it', () => {
    const m = new MissSamples()
    m.offer(miss(0, 1500, [[SRC_KWORKER, 700], [SRC_CACHE_REFILL, 100]]))
    const [s] = m.result()
    expect(s.breakdown).toEqual([
      { source: 'kworker', ns: 700 },
      { source: 'queueing', ns: 350 },
      // ran 400 of which 100 was the cache refill
      { source: 'runtime', ns: 300 },
      { source: 'cache-refill', ns: 100 },
      { source: 'timer', ns: 50 }
    ])
    expect(s.breakdown.reduce((sum, p) => sum + p.ns, 0)).toBe(s.valueNs)
  })

  it('caps the parts by the response, so they never sum past it', () => {
    const m = new MissSamples()
    m.offer(miss(0, 1200, [[SRC_KWORKER, 5000]]))
    expect(m.result()[0].breakdown).toEqual([{ source: 'kworker', ns: 1200 }])
  })

  it('keeps the first misses and, past them, only the longest one, in release order', () => {
    const m = new MissSamples()
    for (let i = 0; i < TIMELINE_MISS_SAMPLES + 10; i++) m.offer(miss(i * 1000, i === TIMELINE_MISS_SAMPLES + 5 ? 9000 : 1100 + i))
    const kept = m.result()
    expect(kept).toHaveLength(TIMELINE_MISS_SAMPLES + 1)
    expect(kept.at(-1)).toMatchObject({ releaseNs: (TIMELINE_MISS_SAMPLES + 5) * 1000, valueNs: 9000 })
    expect(kept.map((s) => s.releaseNs)).toEqual([...kept.map((s) => s.releaseNs)].sort((a, b) => a - b))
  })

  it('adds no later miss when none was longer than the first ones', () => {
    const m = new MissSamples()
    for (let i = 0; i < TIMELINE_MISS_SAMPLES + 3; i++) m.offer(miss(i * 1000, i === 0 ? 5000 : 1100))
    expect(m.result()).toHaveLength(TIMELINE_MISS_SAMPLES)
  })
})
