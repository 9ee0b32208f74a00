// examples/scale-out/ssh/run-parallel.sh for real with GNU parallel, its shards as local jobs (there are no
// SSH hosts here): the merged run equals a one-machine run of the sweep. Skipped where parallel is not
// installed (.ci/run installs it).
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DRAINLAB_BIN, drainlab } from '../support/drainlab-process'
import { SHARD_SWEEP } from '../support/shard-sweep'

const SCRIPT = join(import.meta.dirname, '..', '..', 'examples', 'scale-out', 'ssh', 'run-parallel.sh')

function hasParallel(): boolean {
  try {
    execFileSync('parallel', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** The script as a real process; its output, for the failure message. */
function runScript(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, XDG_DATA_HOME: join(cwd, 'xdg'), WORKDIR: '.', DRAINLAB: `${process.execPath} ${DRAINLAB_BIN}` }
    const child = spawn('bash', [SCRIPT, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (t: string) => { output += t })
    child.stderr.setEncoding('utf8').on('data', (t: string) => { output += t })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe.skipIf(!hasParallel())('GNU parallel example', () => {
  it('runs 3 shards as parallel jobs, merges them, and gives the one-machine run byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-parallel-'))
    writeFileSync(join(dir, 'sweep.drainlab.json'), JSON.stringify(SHARD_SWEEP))
    const one = await drainlab(['run', 'sweep.drainlab.json', '--jobs', '1', '--out', 'one', '--no-history'], dir)
    expect(one.code, one.stderr).toBe(0)
    // ":" is parallel's name for this machine: the shards run as local jobs, two at a time on 2 cores
    const r = await runScript(['sweep.drainlab.json', 'out', '3', '2/:'], dir)
    expect(r.code, r.output).toBe(0)
    expect(readFileSync(join(dir, 'out', 'merged', 'results.json'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'results.json'), 'utf8'))
  })
})
