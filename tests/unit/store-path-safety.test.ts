// Issue 9, bug 1: a LabApi `deleteHistory { runId: ".." }` deleted the whole data folder, "." wiped the
// trash. A run id is a name the lab generated; every path built from one must stay inside its folder
// after symlinks are resolved, at every layer (the LabApi door and the store behind it).
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchLabCall } from '../../src-main/lab/dispatch'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { ExperimentStore } from '../../src-main/store/experiment-store'
import { isRunId } from '../../src-shared/run-id'
import { syntheticResults } from './lab-support/synthetic-results'

const RUN = '20261129-101500-synthetic-0a1b'
const CLIMBING_IDS = ['..', '.', '../..', 'a/..', '..\\..', '', 'run-a/../..', '%2e%2e']

async function dataDirWithOneRun(): Promise<{ dataDir: string; store: ExperimentStore }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-paths-'))
  writeFileSync(join(dataDir, 'keep-me.txt'), 'user data')
  const store = new ExperimentStore(dataDir)
  await store.saveResults(RUN, syntheticResults(), 'completed', '2026-11-29T10:15:00.000Z')
  return { dataDir, store }
}

function expectIntact(dataDir: string): void {
  expect(readFileSync(join(dataDir, 'keep-me.txt'), 'utf8')).toBe('user data')
  expect(existsSync(join(dataDir, 'experiments', RUN, 'results.json'))).toBe(true)
}

describe('run ids cannot reach outside their folder', () => {
  it('only generated names are run ids', () => {
    for (const id of CLIMBING_IDS) expect(isRunId(id), id).toBe(false)
    expect(isRunId(RUN)).toBe(true)
    expect(isRunId(`${RUN}x`)).toBe(false)
  })

  it('LabApi deleteHistory and restoreHistory refuse "..", "." and friends and touch nothing', async () => {
    const { dataDir } = await dataDirWithOneRun()
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      for (const id of CLIMBING_IDS) {
        for (const method of ['deleteHistory', 'restoreHistory', 'getResults', 'getProfile', 'exportResults'] as const) {
          const payload = method === 'exportResults' ? { runId: id, format: 'csv' } : { runId: id }
          await expect(dispatchLabCall(lab, method, payload), `${method} ${id}`).rejects.toMatchObject({ code: 'invalid-request' })
        }
      }
      expectIntact(dataDir)
      expect((await lab.listHistory({})).map((e) => e.id)).toEqual([RUN])
    } finally {
      await lab.close()
    }
  })

  it('the store itself refuses them too (a caller that skips the LabApi door)', async () => {
    const { dataDir, store } = await dataDirWithOneRun()
    for (const id of CLIMBING_IDS) {
      await expect(store.delete(id), id).rejects.toThrow(/not a run id/)
      await expect(store.restore(id), id).rejects.toThrow(/not a run id/)
      await expect(store.readResults(id), id).rejects.toThrow(/not a run id/)
    }
    expectIntact(dataDir)
  })

  it('an experiment folder that is a symlink out of the data folder is neither read, moved nor deleted', async () => {
    const { dataDir, store } = await dataDirWithOneRun()
    const outside = mkdtempSync(join(tmpdir(), 'drainlab-outside-'))
    writeFileSync(join(outside, 'results.json'), '{}')
    const linked = '20261129-101600-linked-0c0d'
    symlinkSync(outside, join(dataDir, 'experiments', linked))
    await expect(store.delete(linked)).rejects.toThrow(/outside/)
    await expect(store.readResults(linked)).rejects.toThrow(/outside/)
    expect(readFileSync(join(outside, 'results.json'), 'utf8')).toBe('{}')
    expectIntact(dataDir)
  })

  it('a trash folder that is a symlink out of the data folder receives nothing', async () => {
    const { dataDir, store } = await dataDirWithOneRun()
    const outside = mkdtempSync(join(tmpdir(), 'drainlab-outside-'))
    symlinkSync(outside, join(dataDir, 'trash'))
    await expect(store.delete(RUN)).rejects.toThrow(/outside/)
    expectIntact(dataDir)
  })
})
