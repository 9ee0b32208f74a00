// The Slurm example for real: a one-node cluster on localhost (tests/slurm/local-cluster.sh), the sweep
// submitted with examples/scale-out/slurm/submit.sh as a 4-task job array and a dependent merge, and the
// merged run compared with a one-machine run; then the same for the one-file script the Sweep view exports
// (src-shared/scale-out/cluster-bundle.ts), submitted the same way on the same cluster. Skipped unless root with Debian's slurm-wlm and munge
// installed (.ci/run installs them); every daemon started is stopped by PID, whatever the outcome.
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRAINLAB_BIN, drainlab } from '../support/drainlab-process'
import { clusterBundle } from '../../src-shared/scale-out/cluster-bundle'
import { SHARD_SWEEP } from '../support/shard-sweep'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')
const CLUSTER = join(ROOT, 'tests', 'slurm', 'local-cluster.sh')
const SUBMIT = join(ROOT, 'examples', 'scale-out', 'slurm', 'submit.sh')
/** bounds each array and its merge: the 8 jobs take seconds; a queue that never drains fails the test */
const JOBS_TIMEOUT_MS = 240_000

function slurmHere(): boolean {
  if (process.getuid?.() !== 0) return false
  try {
    execFileSync('slurmctld', ['-V'], { stdio: 'ignore' })
    execFileSync('munged', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe.skipIf(!slurmHere())('Slurm job array example', () => {
  let dir: string
  let clusterDir: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drainlab-slurm-'))
    clusterDir = mkdtempSync(join(tmpdir(), 'drainlab-slurm-cluster-'))
    writeFileSync(join(dir, 'sweep.drainlab.json'), JSON.stringify(SHARD_SWEEP))
    env = {
      ...process.env,
      SLURM_CONF: join(clusterDir, 'slurm.conf'),
      XDG_DATA_HOME: join(dir, 'xdg'),
      DRAINLAB: `${process.execPath} ${DRAINLAB_BIN}`,
      CPUS_PER_SHARD: '1'
    }
    await run('bash', [CLUSTER, 'start', clusterDir], { env, timeout: 90_000 })
    const one = await drainlab(['run', 'sweep.drainlab.json', '--jobs', '1', '--out', 'one', '--no-history'], dir)
    expect(one.code, one.stderr).toBe(0)
  })

  afterAll(async () => {
    if (clusterDir !== undefined) await run('bash', [CLUSTER, 'stop', clusterDir], { timeout: 30_000 })
  })

  /** What to read when it fails: the tasks' logs and the daemons' last lines. */
  function logs(outName: string): string {
    const out = join(dir, outName)
    const tasks = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.log')).map((f) => `--- ${f}\n${readFileSync(join(out, f), 'utf8')}`) : []
    const daemons = ['slurmctld.log', 'slurmd.log'].map((f) => `--- ${f}\n${readFileSync(join(clusterDir, f), 'utf8').split('\n').slice(-15).join('\n')}`)
    return [...tasks, ...daemons].join('\n')
  }

  /** Waits until the array and merge `ids` left the queue, then checks OUT/merged against the one-machine run. */
  async function expectMergedLikeOneMachine(ids: string[], outName: string): Promise<void> {
    expect(ids).toHaveLength(2)
    const deadline = Date.now() + JOBS_TIMEOUT_MS
    for (;;) {
      const queue = await run('squeue', ['-h', '-j', ids.join(','), '-o', '%i %T %r'], { env, timeout: 30_000 })
      if (queue.stdout.trim() === '') break
      // a shard failed: the merge waits for ever (afterok), so the test fails now, with the tasks' logs
      if (queue.stdout.includes('DependencyNeverSatisfied')) throw new Error(`a shard failed, the merge cannot run:\n${queue.stdout}\n${logs(outName)}`)
      if (Date.now() > deadline) throw new Error(`jobs still queued after ${JOBS_TIMEOUT_MS / 1000} s:\n${queue.stdout}\n${logs(outName)}`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    const merged = join(dir, outName, 'merged', 'results.json')
    expect(existsSync(merged), logs(outName)).toBe(true)
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(join(dir, 'one', 'results.json'), 'utf8'))
    expect(readdirSync(join(dir, outName)).filter((f) => f.startsWith('shard-')).sort()).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3'])
  }

  it('runs 4 shards as an array, merges after them (afterok), and gives the one-machine run', async () => {
    const submitted = await run('bash', [SUBMIT, 'sweep.drainlab.json', 'out', '4'], { cwd: dir, env, timeout: 30_000 })
    await expectMergedLikeOneMachine(submitted.stdout.trim().split(' '), 'out')
  })

  it('runs the Sweep view\'s exported Slurm script for 4 shards and gives the one-machine run', async () => {
    const bundle = clusterBundle('slurm', SHARD_SWEEP, 4)
    writeFileSync(join(dir, bundle.fileName), bundle.text)
    const submitted = await run('bash', [bundle.fileName, 'bundle-out'], { cwd: dir, env, timeout: 30_000 })
    await expectMergedLikeOneMachine(submitted.stdout.trim().split(' '), 'bundle-out')
  })
})
