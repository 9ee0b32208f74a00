// Recovery on start, from a review of the first version: it must never remove a file outside the run's
// own folder, must recover a run once when two processes start together, must list a run whose save was
// cut short after results.json, and one bad folder must not stop the others. Two runs must never share a
// folder.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recoverInterruptedRuns } from '../../src-main/lab/recover-interrupted-runs'
import { ExperimentStore, RunIdTakenError } from '../../src-main/store/experiment-store'
import { serializeResults } from '../../src-main/store/results-file'
import { syntheticResults } from './lab-support/synthetic-results'

const RUN = '20261129-101500-synthetic-0a1b'

/** `work`, or a failure naming the hang after 5 s (a plain readFile of a FIFO never returns) */
function within<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('still waiting after 5000 ms: it hangs')), 5000))])
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout)
}

/** A run killed after saving one of its jobs: profile, a dead process's mark, jobs/<first job>.json. */
async function killedRun(): Promise<{ dataDir: string; folder: string; savedJobId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-recovery-'))
  const store = new ExperimentStore(dataDir)
  const results = syntheticResults()
  await store.beginRun(RUN, results.profile, new Date('2026-11-29T10:15:00.000Z'))
  const folder = join(dataDir, 'experiments', RUN)
  writeFileSync(join(folder, 'running.json'), JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2026-11-29T10:15:00.000Z' }))
  await store.saveJob(RUN, results.jobs[0])
  return { dataDir, folder, savedJobId: results.jobs[0].id }
}

describe('recovery of interrupted runs', () => {
  it('a jobs/ symlink out of the run folder: no file outside is removed, nothing is read from there', async () => {
    const { dataDir, folder } = await killedRun()
    const victim = mkdtempSync(join(tmpdir(), 'drainlab-victim-'))
    writeFileSync(join(victim, 'package.json'), '{}')
    writeFileSync(join(victim, 'tsconfig.json'), '{}')
    mkdirSync(join(folder, 'jobs-real'))
    // the run's jobs/ replaced by a link to the user's project
    spawnSync('mv', [join(folder, 'jobs'), join(folder, 'jobs-real', 'saved')])
    symlinkSync(victim, join(folder, 'jobs'))
    const report = await recoverInterruptedRuns(new ExperimentStore(dataDir))
    expect(readdirSync(victim).sort()).toEqual(['package.json', 'tsconfig.json'])
    expect(report.recovered).toEqual([])
    expect(report.unrecoverable.map((u) => u.runId)).toEqual([RUN])
    expect(report.unrecoverable[0].reason).toMatch(/outside/)
  })

  it('two processes recovering at once keep the saved job (the run is recovered once)', async () => {
    const { dataDir, savedJobId } = await killedRun()
    const [a, b] = await Promise.all([recoverInterruptedRuns(new ExperimentStore(dataDir)), recoverInterruptedRuns(new ExperimentStore(dataDir))])
    expect([...a.recovered, ...b.recovered]).toEqual([RUN])
    const results = await new ExperimentStore(dataDir).readResults(RUN)
    expect(results?.jobs.find((j) => j.id === savedJobId)?.status).toBe('completed')
    expect((await new ExperimentStore(dataDir).listHistory()).map((e) => [e.id, e.status])).toEqual([[RUN, 'partial']])
  })

  it('a save cut short after results.json (no index entry yet) is listed on the next start', async () => {
    const { dataDir, folder } = await killedRun()
    writeFileSync(join(folder, 'results.json'), serializeResults(syntheticResults()))
    const store = new ExperimentStore(dataDir)
    expect(await store.listHistory()).toEqual([])
    const report = await recoverInterruptedRuns(store)
    expect(report.indexed).toEqual([RUN])
    expect((await store.listHistory()).map((e) => [e.id, e.status, e.createdAt])).toEqual([[RUN, 'completed', '2026-11-29T10:15:00.000Z']])
    expect(readdirSync(folder).sort()).toEqual(['profile.drainlab.json', 'results.json'])
  })

  it('a run folder that resolves outside the data folder does not stop the others from being recovered', async () => {
    const { dataDir } = await killedRun()
    const outside = mkdtempSync(join(tmpdir(), 'drainlab-outside-'))
    symlinkSync(outside, join(dataDir, 'experiments', '20261129-090000-planted-0c0d'))
    const report = await recoverInterruptedRuns(new ExperimentStore(dataDir))
    expect(report.recovered).toEqual([RUN])
    expect(report.unrecoverable.map((u) => u.runId)).toEqual(['20261129-090000-planted-0c0d'])
    expect(readdirSync(outside)).toEqual([])
  })

  it('a FIFO planted as history.json or as a saved job hangs nothing: an error names it, recovery goes on', async () => {
    const { dataDir, folder } = await killedRun()
    spawnSync('mkfifo', [join(folder, 'jobs', 'p9-planted-s1.json')])
    const report = await within(recoverInterruptedRuns(new ExperimentStore(dataDir)))
    expect(report.recovered).toEqual([RUN])
    spawnSync('mv', [join(dataDir, 'history.json'), join(dataDir, 'history.json.kept')])
    spawnSync('mkfifo', [join(dataDir, 'history.json')])
    await expect(within(new ExperimentStore(dataDir).listHistory())).rejects.toThrow(/history\.json is a FIFO \(named pipe\), not a regular file \(EFTYPE\)/)
  })

  it('two runs given the same id never share a folder: the second start is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drainlab-same-id-'))
    const store = new ExperimentStore(dataDir)
    const { profile } = syntheticResults()
    await store.beginRun(RUN, profile, new Date())
    await expect(store.beginRun(RUN, profile, new Date())).rejects.toBeInstanceOf(RunIdTakenError)
    expect(existsSync(join(dataDir, 'experiments', RUN, 'running.json'))).toBe(true)
  })
})
