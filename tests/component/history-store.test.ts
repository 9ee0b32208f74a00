// History shows the lab's latest list: refreshes overlap (on showing the view, after a run, after a
// delete), and an older answer arriving last must not bring back a run deleted since.
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, type HistoryEntry } from '../../src-shared/api'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { useHistoryStore } from '../../src-renderer/src/stores/history'

const entry = (id: string): HistoryEntry => ({ id, name: id, createdAt: '2026-01-01T00:00:00Z', variants: ['direct'], seeds: [1], status: 'completed', headline: [] })

describe('history store', () => {
  it('keeps the newest list when an older refresh answers after it', async () => {
    const answers: Array<(list: HistoryEntry[]) => void> = []
    const listHistory = vi.fn(() => new Promise<HistoryEntry[]>((resolve) => answers.push(resolve)))
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(async () => null)]))
    setLabConnection({
      client: { ...methods, listHistory, on: () => () => {} } as never,
      kind: 'electron', endpoint: 'ipc', state: () => 'open', onStateChange: () => () => {}, onCommand: () => () => {}
    })
    setActivePinia(createPinia())
    const history = useHistoryStore()
    const older = history.refresh()
    const newer = history.refresh()
    answers[1]([entry('r2')])
    await newer
    answers[0]([entry('r1'), entry('r2')])
    await older
    expect(history.entries.map((e) => e.id)).toEqual(['r2'])
    expect(history.loading).toBe(false)
  })
})
