// The three files of examples/scale-out/slurm/, verbatim: the generated Slurm bundle writes them out and runs
// submit.sh, so a sweep exported from the UI is submitted exactly as the documented (and CI-tested) example.
// tests/unit/cluster-bundle.test.ts fails when these and the files in examples/ differ.
export const SLURM_SUBMIT_SH = `#!/bin/bash
# Submits a sweep as N shards (a job array 0-(N-1)) and a merge that waits for all of them.
# usage: submit.sh PROFILE.drainlab.json OUTDIR N   — prints the array's and the merge's job ids
# CPUS_PER_SHARD (default 4) is each task's --cpus-per-task, the worker threads of its shard.
set -euo pipefail
here=$(dirname "$0")
profile=\${1:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
outdir=\${2:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
shards=\${3:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
mkdir -p "$outdir"
# --parsable prints "jobid" or "jobid;cluster"
array=$(sbatch --parsable --array="0-$((shards - 1))" --cpus-per-task="\${CPUS_PER_SHARD:-4}" --chdir="$outdir" "$here/shard.sbatch" "$(realpath "$profile")" "$(realpath "$outdir")")
array=\${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --chdir="$outdir" "$here/merge.sbatch" "$(realpath "$outdir")")
echo "$array \${merge%%;*}"
`

export const SLURM_SHARD_SBATCH = `#!/bin/bash
# One shard of a Drain Lab sweep per array task (docs/scale-out.md). For N shards the array is 0-(N-1);
# submit.sh sets it from N on the command line, which overrides the line below.
#SBATCH --job-name=drainlab-shard
#SBATCH --array=0-3
#SBATCH --cpus-per-task=4
#SBATCH --output=drainlab-shard-%A_%a.log
#
# usage: sbatch shard.sbatch PROFILE.drainlab.json OUTDIR   (OUTDIR on storage every node sees)
# DRAINLAB is the command, \`drainlab\` on the PATH unless set (e.g. "node /opt/drainlab/bin/drainlab.mjs").
set -euo pipefail
profile=\${1:?usage: sbatch shard.sbatch PROFILE.drainlab.json OUTDIR}
outdir=\${2:?usage: sbatch shard.sbatch PROFILE.drainlab.json OUTDIR}
# word splitting of DRAINLAB is wanted: it may be an interpreter and a script
# shellcheck disable=SC2086
exec \${DRAINLAB:-drainlab} run "$profile" \\
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" \\
  --jobs "\${SLURM_CPUS_PER_TASK:-1}" \\
  --out "$outdir/shard-$SLURM_ARRAY_TASK_ID"
`

export const SLURM_MERGE_SBATCH = `#!/bin/bash
# Joins the shards of shard.sbatch into one run; submit.sh starts it with --dependency=afterok on the array,
# so it runs only when every shard exited 0 (a shard with a failed job exits 1 and the merge never starts).
#SBATCH --job-name=drainlab-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=drainlab-merge-%j.log
#
# usage: sbatch merge.sbatch OUTDIR   (the merged results go to OUTDIR/merged)
set -euo pipefail
outdir=\${1:?usage: sbatch merge.sbatch OUTDIR}
# add --data-dir DIR to record the merged run in a Drain Lab history other than the platform data folder
# shellcheck disable=SC2086
exec \${DRAINLAB:-drainlab} merge "$outdir"/shard-* --out "$outdir/merged"
`
