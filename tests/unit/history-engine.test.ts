// History rows say which engine produced a run: the index records it, and entries indexed before it was
// recorded still read (without it).
import { describe, expect, it } from 'vitest'
import { historyEntryOf, parseHistoryEntry, parseHistoryIndex } from '../../src-main/store/history-index'
import { profileSchema } from '../../src-shared/profile/rules'
import { syntheticResults } from './lab-support/synthetic-results'

describe('the history index records the engine', () => {
  it('model for a model run, live for a run of the live engine', () => {
    const model = syntheticResults()
    expect(historyEntryOf('r1', model, '2026-01-01T00:00:00.000Z').engine).toBe('model')
    const live = { ...model, profile: profileSchema.parse({ ...model.profile, run: { ...model.profile.run, engine: 'live' } }) }
    const entry = historyEntryOf('r2', live, '2026-01-01T00:00:00.000Z')
    expect(entry.engine).toBe('live')
    expect(parseHistoryEntry(JSON.stringify(entry))).toEqual(entry)
  })

  it('an index written before the engine was recorded still reads', () => {
    const { engine: _engine, ...old } = historyEntryOf('r1', syntheticResults(), '2026-01-01T00:00:00.000Z')
    expect(parseHistoryIndex(JSON.stringify([old]))).toEqual([old])
  })
})
