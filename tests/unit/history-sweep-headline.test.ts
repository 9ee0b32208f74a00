// A sweep run in History showed its first point only (issue 15, point 7): its headline has a line per variant
// and sweep point, each point named as people read it.
import { describe, expect, it } from 'vitest'
import { historyEntryOf, parseHistoryEntry } from '../../src-main/store/history-index'
import { syntheticResults } from './lab-support/synthetic-results'

describe('history headline of a sweep', () => {
  it('lists every sweep point of every variant', () => {
    const entry = historyEntryOf('r1', syntheticResults(true), '2026-01-01T00:00:00.000Z')
    expect(entry.headline.map((h) => [h.variant, h.sweep])).toEqual([
      ['workqueue', 'pcp high (pages) = 100'], ['workqueue', 'pcp high (pages) = 1000'],
      ['direct', 'pcp high (pages) = 100'], ['direct', 'pcp high (pages) = 1000']
    ])
    // the points differ, so their numbers do
    expect(entry.headline[0].latencyMaxNs).not.toBe(entry.headline[1].latencyMaxNs)
    expect(parseHistoryEntry(JSON.stringify(entry))).toEqual(entry)
  })

  it('a run without a sweep keeps one line per variant, without a point', () => {
    const entry = historyEntryOf('r2', syntheticResults(), '2026-01-01T00:00:00.000Z')
    expect(entry.headline.map((h) => [h.variant, h.sweep])).toEqual([['workqueue', undefined], ['direct', undefined]])
  })
})
