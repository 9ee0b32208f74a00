// Issue 9, bugs 3 and 4: the history survives concurrent use. Several real processes saving at one
// instant lost entries (the index was read-modify-written under an in-process queue only); two deletes
// of the same run lost it for good; a delete during an export left it stuck in the trash.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLabService } from '../../src-main/lab/lab-service'
import { labFolderPolicy } from '../../src-main/lab/path-policy'
import { ExperimentStore } from '../../src-main/store/experiment-store'
import { syntheticResults } from './lab-support/synthetic-results'
import { smallExperiment } from '../support/small-experiment'

const child = join(import.meta.dirname, 'lab-support', 'history-writer-child.ts')
const RUN = '20261129-101500-synthetic-0a1b'

function writer(dataDir: string, index: number, rounds: number, startAt: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(index), String(rounds), String(startAt)], { stdio: ['ignore', 'inherit', 'inherit'] })
    p.on('error', reject)
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${index} exited with ${code}`))))
  })
}

async function storeWithOneRun(): Promise<{ dataDir: string; store: ExperimentStore }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-concurrent-'))
  const store = new ExperimentStore(dataDir)
  await store.saveResults(RUN, syntheticResults(), 'completed', '2026-11-29T10:15:00.000Z')
  return { dataDir, store }
}

describe('the history across processes and concurrent calls', () => {
  it('4 processes × 5 rounds saving into one data folder at the same instant lose no entry', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-writers-'))
    const processes = 4
    const rounds = 5
    // every process is started (tsx loads in ~1 s) before the common start instant
    const startAt = Date.now() + 3000
    await Promise.all(Array.from({ length: processes }, (_, i) => writer(dataDir, i, rounds, startAt)))
    const ids = (await new ExperimentStore(dataDir).listHistory()).map((e) => e.id)
    expect(ids).toHaveLength(processes * rounds)
    expect(new Set(ids).size).toBe(processes * rounds)
    expect(existsSync(join(dataDir, 'store.lock'))).toBe(false)
  })

  it('two deletes of the same run at once: one deletes, the other finds nothing, restore brings it back', async () => {
    const { dataDir, store } = await storeWithOneRun()
    const other = new ExperimentStore(dataDir)
    const outcomes = await Promise.all([store.delete(RUN), other.delete(RUN), store.delete(RUN)])
    expect(outcomes.filter(Boolean)).toHaveLength(1)
    expect(readdirSync(join(dataDir, 'trash'))).toEqual([RUN])
    expect(await store.restore(RUN)).toBe(true)
    expect((await store.listHistory()).map((e) => e.id)).toEqual([RUN])
    expect(await store.readResults(RUN)).not.toBeNull()
  })

  it('close() while startRun is still setting its run up: the run is stopped and saved, not left on a closed pool', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-close-'))
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    const starting = lab.startRun({ profile: smallExperiment('Closing', { durationMs: 60_000, seeds: [1, 2, 3] }) })
    await lab.close()
    const { runId } = await starting
    const [entry] = await new ExperimentStore(dataDir).listHistory()
    expect(entry.id).toBe(runId)
    expect(entry.status).toBe('cancelled')
  })

  it('a delete while an export renders: the export still answers, the run stays deleted and restores whole', async () => {
    const { dataDir } = await storeWithOneRun()
    const lab = createLabService({ dataDir, jobs: 1, host: 'browser', pathPolicy: labFolderPolicy, appVersion: 'test' })
    try {
      const exporting = lab.exportResults({ runId: RUN, format: 'png' })
      const deleted = await lab.deleteHistory({ runId: RUN })
      expect(deleted).toEqual({ deleted: true })
      expect((await exporting).length).toBeGreaterThan(0)
      expect(existsSync(join(dataDir, 'experiments', RUN))).toBe(false)
      expect(await lab.restoreHistory({ runId: RUN })).toEqual({ restored: true })
      expect((await lab.listHistory({})).map((e) => e.id)).toEqual([RUN])
    } finally {
      await lab.close()
    }
  })
})
