// "Run this sweep on a cluster" (issue 16): one self-contained file per batch engine, so the browser makes a
// single download that holds the profile and everything needed to start its N shards and the merge.
// Pure text: no Node built-ins and no DOM, the renderer builds it and the tests run it.
import { SLURM_MERGE_SBATCH, SLURM_SHARD_SBATCH, SLURM_SUBMIT_SH } from './slurm-example'

export type ClusterEngine = 'slurm' | 'kubernetes'
export const MAX_SHARDS = 1000

export interface ClusterBundle {
  fileName: string
  mime: string
  text: string
}

/** The profile as saved files hold it, so the bundle's copy and a downloaded profile are the same text. */
export function profileText(profile: unknown): string {
  return `${JSON.stringify(profile, null, 2)}\n`
}

/** Why a shard count is refused, or null: a whole number 1..1000 (more shards than jobs is allowed: the extra ones are empty). */
export function shardCountProblem(shards: number): string | null {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS) return `The shard count must be a whole number from 1 to ${MAX_SHARDS}.`
  return null
}

/** The file name stem: the profile's name reduced to characters every shell and file system takes (profile files use it too). */
export function bundleStem(name: string): string {
  const safe = name.trim().replace(/[^A-Za-z0-9._ -]+/g, '').replace(/\s+/g, '-').replace(/^[.-]+/, '')
  return safe === '' ? 'experiment' : safe.slice(0, 80)
}

/**
 * Each file goes through a quoted heredoc (<<'END'): bash expands nothing inside, so `$` and backslashes in
 * the profile arrive as written. The end words cannot occur as a whole line of JSON (every JSON line is
 * indented or a bracket) nor of the example scripts.
 */
function heredoc(path: string, word: string, content: string): string {
  return `cat > "${path}" <<'${word}'\n${content}${word}\n`
}

function slurmScript(name: string, profile: string, shards: number, stem: string): string {
  return `#!/bin/bash
# Runs the Drain Lab sweep "${name.replace(/[\r\n]+/g, ' ')}" on Slurm as ${shards} shards (a job array 0-${shards - 1}) and a merge
# that starts when all of them succeeded (docs/scale-out.md). Written by Drain Lab's Sweep view.
# usage: bash ${stem}-slurm-${shards}shards.sh [OUTDIR]   — prints the array's and the merge's job ids
# OUTDIR (default: ${stem}-out next to this script) must be on storage every node sees; the merged run
# lands in OUTDIR/merged. DRAINLAB is the command (default \`drainlab\` on the PATH), CPUS_PER_SHARD each
# task's CPUs (default 4). The profile and the scripts of examples/scale-out/slurm/ are written to OUTDIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
outdir=$(realpath -m "\${1:-$here/${stem}-out}")
mkdir -p "$outdir"
${heredoc('$outdir/profile.drainlab.json', 'DRAINLAB_PROFILE_END', profile)}${heredoc('$outdir/shard.sbatch', 'DRAINLAB_SHARD_END', SLURM_SHARD_SBATCH)}${heredoc('$outdir/merge.sbatch', 'DRAINLAB_MERGE_END', SLURM_MERGE_SBATCH)}${heredoc('$outdir/submit.sh', 'DRAINLAB_SUBMIT_END', SLURM_SUBMIT_SH)}exec bash "$outdir/submit.sh" "$outdir/profile.drainlab.json" "$outdir" ${shards}
`
}

/** A YAML literal block: every line indented, so the profile needs no escaping at all. */
function yamlBlock(text: string, indent: string): string {
  return text.replace(/\n$/, '').split('\n').map((line) => `${indent}${line}`).join('\n')
}

function kubernetesManifest(name: string, profile: string, shards: number, stem: string): string {
  return `# Runs the Drain Lab sweep "${name.replace(/[\r\n]+/g, ' ')}" on Kubernetes as an Indexed Job of ${shards} shards (docs/scale-out.md).
# Written by Drain Lab's Sweep view from examples/scale-out/kubernetes/shards-job.yaml.
#   kubectl apply -f ${stem}-kubernetes-${shards}shards.yaml
#   kubectl wait --for=condition=complete --timeout=24h job/drainlab-shards
# then the merge (Kubernetes has no dependency between Jobs), which writes /results/merged:
#   kubectl apply -f examples/scale-out/kubernetes/merge-job.yaml
# Needs the image (examples/scale-out/container/) and a ReadWriteMany claim drainlab-results;
# backoffLimitPerIndex needs Kubernetes 1.29 or later (beta then, GA in 1.33).
apiVersion: v1
kind: ConfigMap
metadata:
  name: drainlab-profile
data:
  sweep.drainlab.json: |
${yamlBlock(profile, '    ')}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: drainlab-shards
spec:
  completionMode: Indexed
  # completions, parallelism and SHARD_COUNT agree: pod i runs shard i of ${shards}
  completions: ${shards}
  parallelism: ${shards}
  # a shard that fails is retried on its own, once; the others are not rerun
  backoffLimitPerIndex: 1
  template:
    spec:
      restartPolicy: Never
      # the image runs as its node user (uid 1000): the results volume is made writable for that group
      securityContext: { fsGroup: 1000 }
      containers:
        - name: shard
          image: drainlab:local
          env:
            - name: SHARD_COUNT
              value: "${shards}"
          # JOB_COMPLETION_INDEX is set by Kubernetes in every pod of an Indexed Job
          command: ["sh", "-c"]
          args:
            - exec drainlab run /profile/sweep.drainlab.json --shard "$JOB_COMPLETION_INDEX/$SHARD_COUNT" --jobs 3 --out "/results/shard-$JOB_COMPLETION_INDEX"
          resources:
            requests: { cpu: "4" }
          volumeMounts:
            - { name: profile, mountPath: /profile, readOnly: true }
            - { name: results, mountPath: /results }
      volumes:
        - name: profile
          configMap: { name: drainlab-profile }
        # every pod writes its own folder; the merge reads them all, so the claim must be ReadWriteMany
        - name: results
          persistentVolumeClaim: { claimName: drainlab-results }
`
}

/** The file that runs `profile` (a plain profile object with a sweep) as `shards` shards on `engine`; throws on a bad count. */
export function clusterBundle(engine: ClusterEngine, profile: { name: string }, shards: number): ClusterBundle {
  const problem = shardCountProblem(shards)
  if (problem) throw new RangeError(problem)
  const stem = bundleStem(profile.name)
  const text = profileText(profile)
  if (engine === 'slurm') return { fileName: `${stem}-slurm-${shards}shards.sh`, mime: 'text/x-shellscript', text: slurmScript(profile.name, text, shards, stem) }
  return { fileName: `${stem}-kubernetes-${shards}shards.yaml`, mime: 'application/yaml', text: kubernetesManifest(profile.name, text, shards, stem) }
}
