// drainlab history: the recorded runs for scripts, as a table or JSON, and one run with `show`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExperimentStore } from '../../src-main/store/experiment-store'
import { syntheticResults } from '../unit/lab-support/synthetic-results'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'drainlab.mjs')
const OLDER = '20261128-090000-synthetic-0001'
const NEWER = '20261129-090000-synthetic-0002'

function drainlab(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
}

async function dataDirWithTwoRuns(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-history-cli-'))
  const store = new ExperimentStore(dataDir)
  await store.saveResults(OLDER, syntheticResults(), 'completed', '2026-11-28T09:00:00.000Z')
  await store.saveResults(NEWER, syntheticResults(), 'partial', '2026-11-29T09:00:00.000Z')
  return dataDir
}

describe('drainlab history', () => {
  it('lists the runs newest first as a table, and as JSON for scripts', async () => {
    const dataDir = await dataDirWithTwoRuns()
    const table = drainlab(['history', '--data-dir', dataDir])
    expect(table.status).toBe(0)
    const lines = table.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^id\s+started \(UTC\)\s+status\s+name/)
    expect(lines[1]).toMatch(new RegExp(`^${NEWER}\\s+2026-11-29 09:00:00\\s+partial\\s+Synthetic\\s+workqueue .* max, \\d+ misses; direct`))
    expect(lines[2]).toMatch(new RegExp(`^${OLDER}\\s+2026-11-28 09:00:00\\s+completed`))
    const json = drainlab(['history', '--data-dir', dataDir, '--json'])
    const entries = JSON.parse(json.stdout) as Array<{ id: string; status: string; variants: string[] }>
    expect(entries.map((e) => [e.id, e.status])).toEqual([[NEWER, 'partial'], [OLDER, 'completed']])
    expect(entries[0].variants).toEqual(['workqueue', 'direct'])
  })

  it('an empty data folder says so', () => {
    const r = drainlab(['history', '--data-dir', mkdtempSync(join(tmpdir(), 'drainlab-history-empty-'))])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('no recorded runs\n')
  })

  it('show ID prints the entry, its files and its summary table; --json the entry and paths', async () => {
    const dataDir = await dataDirWithTwoRuns()
    const text = drainlab(['history', 'show', OLDER, '--data-dir', dataDir])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain('Synthetic — completed, started 2026-11-28T09:00:00.000Z')
    expect(text.stdout).toContain(join(dataDir, 'experiments', OLDER, 'results.json'))
    expect(text.stdout).toMatch(/variant\s+seeds\s+misses/)
    const json = JSON.parse(drainlab(['history', 'show', OLDER, '--data-dir', dataDir, '--json']).stdout) as { entry: { id: string }; results: string }
    expect(json.entry.id).toBe(OLDER)
    expect(json.results).toBe(join(dataDir, 'experiments', OLDER, 'results.json'))
  })

  it('show refuses what is not a run id (exit 2) and names a run that is not recorded (exit 1)', async () => {
    const dataDir = await dataDirWithTwoRuns()
    const climbing = drainlab(['history', 'show', '..', '--data-dir', dataDir])
    expect(climbing.status).toBe(2)
    expect(climbing.stderr).toMatch(/"\.\." is not a run id/)
    const missing = drainlab(['history', 'show', '20261129-090000-nothing-ffff', '--data-dir', dataDir])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain(`no recorded run 20261129-090000-nothing-ffff in ${dataDir}`)
  })
})
