// drainlab run --shard i/n and drainlab merge, as real processes: three shards merged give the bytes of a
// one-machine run, and every way shards can fail to make one run is refused with the reason (exit 2).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { planExperiment } from '../../src-shared/profile/experiment-plan'
import type { ExperimentResults } from '../../src-shared/results/types'
import { shardFingerprint } from '../../src-main/lab/shard-fingerprint'
import { drainlab } from '../support/drainlab-process'
import { SHARD_SWEEP } from '../support/shard-sweep'

let dir: string
const readResults = (folder: string) => JSON.parse(readFileSync(join(dir, folder, 'results.json'), 'utf8')) as ExperimentResults

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drainlab-shard-'))
  writeFileSync(join(dir, 'sweep.drainlab.json'), JSON.stringify(SHARD_SWEEP))
  writeFileSync(join(dir, 'other.drainlab.json'), JSON.stringify({ ...SHARD_SWEEP, run: { ...SHARD_SWEEP.run, seeds: [1, 3] } }))
  // one worker each, one after the other: the test machine's cores are shared
  const runs = [
    ['run', 'sweep.drainlab.json', '--jobs', '1', '--out', 'one', '--no-history'],
    ...[0, 1, 2].map((i) => ['run', 'sweep.drainlab.json', '--jobs', '1', '--shard', `${i}/3`, '--out', `s${i}`]),
    ['run', 'other.drainlab.json', '--jobs', '1', '--shard', '1/3', '--out', 'other1']
  ]
  for (const args of runs) {
    const r = await drainlab(args, dir)
    if (r.code !== 0) throw new Error(`drainlab ${args.join(' ')}: exit ${r.code}\n${r.stderr}`)
  }
})

describe('drainlab run --shard', () => {
  it('each shard runs its share of the plan and says which, with one fingerprint', () => {
    const shards = [0, 1, 2].map((i) => readResults(`s${i}`))
    const ids = shards.flatMap((s) => s.jobs.map((j) => j.id))
    expect(ids.sort()).toEqual(readResults('one').jobs.map((j) => j.id).sort())
    shards.forEach((s, i) => {
      expect(s.shard).toMatchObject({ index: i, count: 3, jobIds: s.jobs.map((j) => j.id) })
      expect(s.shard?.fingerprint).toMatch(/^[0-9a-f]{64}$/)
      expect(s.shard?.fingerprint).toBe(shards[0].shard?.fingerprint)
    })
    expect(readResults('other1').shard?.fingerprint).not.toBe(shards[0].shard?.fingerprint)
  })

  it('records no history', () => {
    expect(existsSync(join(dir, 'xdg'))).toBe(false)
  })

  it.each([
    ['3/3', 'must be below n (3)'],
    ['0/0', 'the shard count n must be ≥ 1'],
    ['x', '--shard must be i/n'],
    ['1/2/3', '--shard must be i/n'],
    ['-1/3', '--shard must be i/n'],
    ['1.5/3', '--shard must be i/n']
  ])('refuses --shard %s (exit 2, nothing written)', async (value, message) => {
    const r = await drainlab(['run', 'sweep.drainlab.json', `--shard=${value}`, '--out', 'refused'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('--shard')
    expect(existsSync(join(dir, 'refused'))).toBe(false)
  })
})

describe('drainlab merge', () => {
  it('gives the one-machine run: the same jobs in plan order, byte for byte, aggregates recomputed', async () => {
    const r = await drainlab(['merge', 's2', 's0', 's1', '--out', 'merged'], dir)
    expect(r.code, r.stderr).toBe(0)
    const one = readResults('one')
    const merged = readResults('merged')
    expect(merged.shard).toBeUndefined()
    expect(merged.jobs.map((j) => j.id)).toEqual(one.jobs.map((j) => j.id))
    merged.jobs.forEach((job, i) => expect(JSON.stringify(job)).toBe(JSON.stringify(one.jobs[i])))
    expect(merged.aggregates).toEqual(one.aggregates)
    expect(merged.profile).toEqual(one.profile)
    // results hold no wall-clock time, so the whole document is byte-identical
    expect(readFileSync(join(dir, 'merged', 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'results.json'), 'utf8'))
    expect(readFileSync(join(dir, 'merged', 'profile.drainlab.json'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'profile.drainlab.json'), 'utf8'))
  })

  it('records the merged run in the history like drainlab run, so History and the app list it', async () => {
    const merged = await drainlab(['merge', 's0', 's1', 's2', '--out', 'merged-h', '--data-dir', 'data'], dir)
    expect(merged.code, merged.stderr).toBe(0)
    const runId = /in the history as (\S+)/.exec(merged.stderr)?.[1]
    expect(runId).toBeDefined()
    const history = await drainlab(['history', '--data-dir', 'data', '--json'], dir)
    const entries = JSON.parse(history.stdout) as Array<{ id: string; status: string; name: string }>
    expect(entries).toEqual([expect.objectContaining({ id: runId, status: 'completed', name: 'Shard sweep' })])
    expect(readFileSync(join(dir, 'data', 'experiments', runId!, 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'results.json'), 'utf8'))
  })

  it('refuses with the reason (exit 2, nothing written): missing, duplicate, foreign, not a shard, damaged, edited, absent', async () => {
    cpSync(join(dir, 's1'), join(dir, 'engine1'), { recursive: true })
    // a shard as another engine version writes it: its own version, its own fingerprint
    const engine = readResults('engine1')
    const plan = planExperiment(engine.profile)
    if (!plan.ok) throw new Error('the sweep plans')
    const fingerprint = shardFingerprint(engine.profile, plan.jobs.map((j) => j.id), '0.0.1')
    writeFileSync(join(dir, 'engine1', 'results.json'), JSON.stringify({ ...engine, engineVersion: '0.0.1', shard: { ...engine.shard, fingerprint } }))
    cpSync(join(dir, 's1'), join(dir, 'relabelled1'), { recursive: true })
    writeFileSync(join(dir, 'relabelled1', 'results.json'), JSON.stringify({ ...readResults('s1'), engineVersion: '0.0.1' }))
    cpSync(join(dir, 's1'), join(dir, 'damaged1'), { recursive: true })
    writeFileSync(join(dir, 'damaged1', 'results.json'), readFileSync(join(dir, 's1', 'results.json'), 'utf8').slice(0, 500))
    cpSync(join(dir, 's1'), join(dir, 'edited1'), { recursive: true })
    const edited = readResults('edited1')
    writeFileSync(join(dir, 'edited1', 'results.json'), JSON.stringify({ ...edited, shard: { ...edited.shard, jobIds: edited.shard!.jobIds.slice(1) }, jobs: edited.jobs.slice(1) }))
    const cases: Array<[string[], string]> = [
      [['s0', 's2'], 'shard 1/3 missing: a merge needs all 3'],
      [['s0', 's1', 's1', 's2'], 'shard 1/3 is given twice'],
      [['s0', 'other1', 's2'], 'shards of different runs (another profile or plan'],
      [['s0', 'engine1', 's2'], 'shards of different runs (engine 0.0.1 against'],
      [['s0', 's1', 's2', 'one'], 'is not a shard (no shard block)'],
      [['s0', 'damaged1', 's2'], 'is not valid JSON'],
      [['s0', 'edited1', 's2'], 'shard 1/3 should hold jobs'],
      [['s0', 'relabelled1', 's2'], 'the fingerprint does not match its profile, plan and engine version 0.0.1'],
      [['s0', 's1', 'nowhere'], 'does not exist']
    ]
    for (const [dirs, message] of cases) {
      const r = await drainlab(['merge', ...dirs, '--out', 'refused'], dir)
      expect([r.code, r.stderr], dirs.join(' ')).toEqual([2, expect.stringContaining(message)])
      expect(existsSync(join(dir, 'refused'))).toBe(false)
    }
  })

  it('more shards than jobs: the spare shard runs nothing, writes an empty document, and the merge needs it', async () => {
    // no sweep, one seed: 2 jobs in 3 shards
    writeFileSync(join(dir, 'two.drainlab.json'), JSON.stringify({ ...SHARD_SWEEP, sweep: undefined, run: { ...SHARD_SWEEP.run, seeds: [1] } }))
    for (const args of [['--out', 'two-one', '--no-history'], ...[0, 1, 2].map((i) => ['--shard', `${i}/3`, '--out', `two-s${i}`])]) {
      const r = await drainlab(['run', 'two.drainlab.json', '--jobs', '1', ...args], dir)
      expect(r.code, r.stderr).toBe(0)
    }
    expect(readResults('two-s2')).toMatchObject({ jobs: [], aggregates: [], shard: { index: 2, count: 3, jobIds: [] } })
    const without = await drainlab(['merge', 'two-s0', 'two-s1', '--out', 'refused'], dir)
    expect([without.code, without.stderr]).toEqual([2, expect.stringContaining('shard 2/3 missing')])
    const merged = await drainlab(['merge', 'two-s0', 'two-s1', 'two-s2', '--out', 'two-merged', '--no-history'], dir)
    expect(merged.code, merged.stderr).toBe(0)
    expect(readFileSync(join(dir, 'two-merged', 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'two-one', 'results.json'), 'utf8'))
  })

  it('refuses shards whose fingerprint does not match their own profile (every shard edited alike)', async () => {
    for (const i of [0, 1, 2]) {
      const doc = readResults(`s${i}`)
      cpSync(join(dir, `s${i}`), join(dir, `relabel${i}`), { recursive: true })
      writeFileSync(join(dir, `relabel${i}`, 'results.json'), JSON.stringify({ ...doc, profile: { ...doc.profile, name: 'Renamed' } }))
    }
    const r = await drainlab(['merge', 'relabel0', 'relabel1', 'relabel2', '--out', 'refused'], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('the fingerprint does not match its profile')
  })
})
