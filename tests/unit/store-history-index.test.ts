// The history index is a cache of the experiment folders: a damaged one is set aside and rebuilt from
// them, never silently replaced by an empty list; an index that cannot be read fails loudly.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExperimentStore } from '../../src-main/store/experiment-store'
import { syntheticResults } from './lab-support/synthetic-results'

async function storeWithTwoRuns(): Promise<{ store: ExperimentStore; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-history-'))
  const store = new ExperimentStore(dataDir)
  await store.saveResults('20261101-100000-synthetic-000a', syntheticResults(), 'completed', '2026-11-01T10:00:00.000Z')
  await store.saveResults('20261102-100000-synthetic-000b', syntheticResults(), 'completed', '2026-11-02T10:00:00.000Z')
  return { store, dataDir }
}

describe('history index', () => {
  it('lists saved experiments newest first', async () => {
    const { store } = await storeWithTwoRuns()
    expect((await store.listHistory()).map((e) => e.id)).toEqual(['20261102-100000-synthetic-000b', '20261101-100000-synthetic-000a'])
  })

  it('reads back a headline without a value (NaN is saved as null) as it was, without a rebuild', async () => {
    const { store, dataDir } = await storeWithTwoRuns()
    const index = JSON.parse(readFileSync(join(dataDir, 'history.json'), 'utf8')) as Array<{ headline: Array<{ drainP99Ns: number | null }> }>
    index[0].headline[0].drainP99Ns = null
    writeFileSync(join(dataDir, 'history.json'), JSON.stringify(index))
    const listed = await store.listHistory()
    expect(listed[0].headline[0].drainP99Ns).toBeNaN()
    expect(readdirSync(dataDir).filter((f) => f.startsWith('history.json.bad-'))).toEqual([])
  })

  for (const [what, text] of [
    ['broken JSON', '[{"id": "20261101-100000-synthetic-000a", '],
    ['a wrong shape', JSON.stringify([{ id: '20261101-100000-synthetic-000a', name: 3 }])],
    ['not a list', '{}']
  ] as const) {
    it(`with ${what}: keeps the damaged file aside and rebuilds the list from the folders`, async () => {
      const { store, dataDir } = await storeWithTwoRuns()
      writeFileSync(join(dataDir, 'history.json'), text)
      const listed = await store.listHistory()
      expect(listed.map((e) => e.id).sort()).toEqual(['20261101-100000-synthetic-000a', '20261102-100000-synthetic-000b'])
      expect(listed[0].name).toBe('Synthetic')
      expect(listed[0].headline.map((h) => h.variant)).toEqual(['workqueue', 'direct'])
      const aside = readdirSync(dataDir).filter((f) => f.startsWith('history.json.bad-'))
      expect(aside).toHaveLength(1)
      expect(readFileSync(join(dataDir, aside[0]), 'utf8')).toBe(text)
      // the next run's entry joins the rebuilt list instead of replacing it
      await store.saveResults('20261103-100000-synthetic-000c', syntheticResults(), 'completed', '2026-11-03T10:00:00.000Z')
      expect((await store.listHistory()).map((e) => e.id)).toEqual(['20261103-100000-synthetic-000c', ...listed.map((e) => e.id)])
    })
  }

  it('an index that cannot be read is an error, and the next save does not overwrite it', async () => {
    const { store, dataDir } = await storeWithTwoRuns()
    rmSync(join(dataDir, 'history.json'))
    mkdirSync(join(dataDir, 'history.json'))
    await expect(store.listHistory()).rejects.toThrow(/EISDIR/)
    await expect(store.saveResults('20261103-100000-synthetic-000c', syntheticResults(), 'completed', '2026-11-03T10:00:00.000Z')).rejects.toThrow()
    rmSync(join(dataDir, 'history.json'), { recursive: true })
    // with the obstacle gone the index is simply absent: the history starts again from the next save
    await store.saveResults('20261104-100000-synthetic-000d', syntheticResults(), 'completed', '2026-11-04T10:00:00.000Z')
    expect((await store.listHistory()).map((e) => e.id)).toEqual(['20261104-100000-synthetic-000d'])
  })

  it('restore without a readable saved entry lists the experiment again from its results', async () => {
    const { store, dataDir } = await storeWithTwoRuns()
    expect(await store.delete('20261101-100000-synthetic-000a')).toBe(true)
    writeFileSync(join(dataDir, 'trash', '20261101-100000-synthetic-000a', 'history-entry.json'), 'not json')
    expect(await store.restore('20261101-100000-synthetic-000a')).toBe(true)
    const restored = (await store.listHistory()).find((e) => e.id === '20261101-100000-synthetic-000a')
    expect(restored?.status).toBe('completed')
    expect(restored?.name).toBe('Synthetic')
  })
})
