// The "run this sweep on a cluster" files: the profile comes out of them byte for byte, the Slurm script
// makes exactly the example's sbatch calls, the manifest holds N, and a bad N is refused. The real Slurm
// run of a generated script is in tests/cli/slurm.test.ts.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clusterBundle, profileText } from '../../src-shared/scale-out/cluster-bundle'
import { SLURM_MERGE_SBATCH, SLURM_SHARD_SBATCH, SLURM_SUBMIT_SH } from '../../src-shared/scale-out/slurm-example'
import { SHARD_SWEEP } from '../support/shard-sweep'

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'scale-out', 'slurm')
const KUBERNETES_EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'scale-out', 'kubernetes', 'shards-job.yaml')
/** Shell-hostile on purpose: a quoted heredoc must pass `$`, backquotes, backslashes and quotes unchanged. */
const NASTY = { ...SHARD_SWEEP, name: 'Sweep $HOME `id` "q" \\n $(rm -rf /) \'x\'' }

/**
 * Boundary double for Slurm's sbatch: records each call's arguments (one per line, a blank line after) and
 * answers --parsable with job ids 101, 102, … as the real one does.
 */
function fakeSbatchOnPath(dir: string): { bin: string; calls: () => string[][] } {
  const bin = join(dir, 'fake-bin')
  mkdirSync(bin)
  const log = join(dir, 'sbatch-calls.txt')
  writeFileSync(join(bin, 'sbatch'), `#!/bin/bash\nprintf '%s\\n' "$@" >> '${log}'\necho >> '${log}'\nn=$(grep -c '^$' '${log}')\necho "$((100 + n));cluster"\n`)
  chmodSync(join(bin, 'sbatch'), 0o755)
  return { bin, calls: () => readFileSync(log, 'utf8').split('\n\n').filter((c) => c !== '').map((c) => c.split('\n').filter((a) => a !== '')) }
}

describe('cluster bundle', () => {
  it('embeds the example scripts as they are in examples/scale-out/slurm/', () => {
    expect(SLURM_SUBMIT_SH).toBe(readFileSync(join(EXAMPLES, 'submit.sh'), 'utf8'))
    expect(SLURM_SHARD_SBATCH).toBe(readFileSync(join(EXAMPLES, 'shard.sbatch'), 'utf8'))
    expect(SLURM_MERGE_SBATCH).toBe(readFileSync(join(EXAMPLES, 'merge.sbatch'), 'utf8'))
  })

  it('Slurm: the profile round-trips out of the heredoc and the sbatch calls are the array and its afterok merge', () => {
    const bundle = clusterBundle('slurm', NASTY, 3)
    expect(bundle.fileName).toBe('Sweep-HOME-id-q-n-rm--rf-x-slurm-3shards.sh')
    const dir = mkdtempSync(join(tmpdir(), 'drainlab-bundle-'))
    const script = join(dir, bundle.fileName)
    writeFileSync(script, bundle.text)
    execFileSync('bash', ['-n', script])
    const sbatch = fakeSbatchOnPath(dir)
    const stdout = execFileSync('bash', [script, 'out'], { cwd: dir, env: { ...process.env, PATH: `${sbatch.bin}:${process.env.PATH}`, CPUS_PER_SHARD: '2' }, encoding: 'utf8' })
    expect(stdout.trim()).toBe('101 102')
    const out = join(dir, 'out')
    expect(readFileSync(join(out, 'profile.drainlab.json'), 'utf8')).toBe(profileText(NASTY))
    expect(JSON.parse(readFileSync(join(out, 'profile.drainlab.json'), 'utf8'))).toEqual(NASTY)
    expect(readFileSync(join(out, 'shard.sbatch'), 'utf8')).toBe(SLURM_SHARD_SBATCH)
    expect(sbatch.calls()).toEqual([
      ['--parsable', '--array=0-2', '--cpus-per-task=2', `--chdir=${out}`, `${out}/shard.sbatch`, join(out, 'profile.drainlab.json'), out],
      ['--parsable', '--dependency=afterok:101', `--chdir=${out}`, `${out}/merge.sbatch`, out]
    ])
  })

  it('Kubernetes: one manifest with the profile in a ConfigMap and an Indexed Job of N completions', () => {
    const bundle = clusterBundle('kubernetes', NASTY, 7)
    expect(bundle.fileName).toBe('Sweep-HOME-id-q-n-rm--rf-x-kubernetes-7shards.yaml')
    const [configMap, job] = bundle.text.split('\n---\n')
    expect(configMap).toContain('kind: ConfigMap')
    // the literal block, its 4-space indent removed, is the profile file
    const block = configMap.split('sweep.drainlab.json: |\n')[1]
    expect(`${block.split('\n').map((l) => l.slice(4)).join('\n')}\n`).toBe(profileText(NASTY))
    expect(job).toContain('completionMode: Indexed')
    expect(job).toMatch(/^ {2}completions: 7$/m)
    expect(job).toMatch(/^ {2}parallelism: 7$/m)
    expect(job).toMatch(/^ {2}backoffLimitPerIndex: 1$/m)
    expect(job).toContain('value: "7"')
    expect(job).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARD_COUNT"')
    expect(bundle.text).toMatch(/^# .*merge-job\.yaml/m)
    expect(bundle.text).not.toMatch(/\t/)
  })

  it('Kubernetes: the Job is the example\'s shards-job.yaml, comments aside, for the example\'s 4 shards', () => {
    const code = (yaml: string) => yaml.split('\n').filter((l) => !/^\s*(#|$)/.test(l))
    const job = clusterBundle('kubernetes', SHARD_SWEEP, 4).text.split('\n---\n')[1]
    expect(code(job)).toEqual(code(readFileSync(KUBERNETES_EXAMPLE, 'utf8')))
  })

  it('refuses a shard count outside 1..1000 with the reason', () => {
    for (const n of [0, -1, 1001, 2.5, Number.NaN]) {
      expect(() => clusterBundle('slurm', SHARD_SWEEP, n)).toThrow(/shard count must be a whole number from 1 to 1000/)
    }
    expect(clusterBundle('kubernetes', SHARD_SWEEP, 1000).text).toContain('completions: 1000')
  })
})
