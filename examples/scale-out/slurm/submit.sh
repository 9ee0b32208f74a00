#!/bin/bash
# Submits a sweep as N shards (a job array 0-(N-1)) and a merge that waits for all of them.
# usage: submit.sh PROFILE.drainlab.json OUTDIR N   — prints the array's and the merge's job ids
# CPUS_PER_SHARD (default 4) is each task's --cpus-per-task, the worker threads of its shard.
set -euo pipefail
here=$(dirname "$0")
profile=${1:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
outdir=${2:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
shards=${3:?usage: submit.sh PROFILE.drainlab.json OUTDIR N}
mkdir -p "$outdir"
# --parsable prints "jobid" or "jobid;cluster"
array=$(sbatch --parsable --array="0-$((shards - 1))" --cpus-per-task="${CPUS_PER_SHARD:-4}" --chdir="$outdir" "$here/shard.sbatch" "$(realpath "$profile")" "$(realpath "$outdir")")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --chdir="$outdir" "$here/merge.sbatch" "$(realpath "$outdir")")
echo "$array ${merge%%;*}"
