// `drainlab run --engine live` through the real binary: a short live run of the 2-CPU example writes results
// with engine "live" and the workqueue stall; a profile the live engine refuses exits 2 before anything is
// written, naming the field to change.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { ExperimentResults } from '../../src-shared/results/types'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'drainlab.mjs')
const PROFILE = join(import.meta.dirname, '..', '..', 'examples', 'live', 'two-cpu-polling.drainlab.json')
const run = promisify(execFile)
/** one more CPU than this host has online (os.cpus() lists the online ones) */
const TOO_MANY = cpus().length + 1

async function drainlab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('drainlab run --engine live', () => {
  it('runs the 2-CPU example for real: engine "live", workqueue stalled with CPU 1\'s work still queued', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'drainlab-live-cli-')), 'out')
    const r = await drainlab(['run', PROFILE, '--engine', 'live', '--variants', 'workqueue', '--duration', '300ms', '--no-history', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/on the live engine, one at a time/)
    expect(r.stdout).toMatch(/work still queued at the end on CPUs: 1/)
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults
    expect(results.profile.run.engine).toBe('live')
    const job = results.jobs[0].result!
    expect(job.engine).toBe('live')
    expect(job.drains.stalled).toBe(1)
    expect(job.live!.tokens.lost + job.live!.tokens.duplicated).toBe(0)
  })

  it('refuses a profile with more CPUs than the host, exit 2, nothing written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'drainlab-live-cli-')), 'out')
    const r = await drainlab(['run', PROFILE, '--engine', 'live', '--set', `machine.cpus=${TOO_MANY}`, '--set', 'machine.isolated=1', '--no-history', '--out', out])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`the profile has ${TOO_MANY} CPUs`)
    expect(r.stderr).toMatch(/set machine\.cpus to at most \d+/)
    expect(existsSync(out)).toBe(false)
  })
})
