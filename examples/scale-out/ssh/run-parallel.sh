#!/bin/bash
# A sweep on a few lab machines with GNU parallel over SSH (docs/scale-out.md): shard i of N runs on
# whichever host is free, its results come back with rsync, then one merge here.
# Needs on every host: SSH access without a password prompt, rsync, Node.js and Drain Lab (drainlab on the
# PATH, or DRAINLAB set to the command, e.g. "node ~/drainlab/bin/drainlab.mjs").
# usage: run-parallel.sh PROFILE.drainlab.json OUTDIR N HOST[,HOST…]
#   HOSTS follow parallel's --sshlogin syntax, e.g. "4/lab1,4/lab2" (at most 4 shards at a time on each);
#   ":" is this machine, which is how tests/cli/parallel.test.ts runs it without SSH (with WORKDIR=.).
# WORKDIR is where a shard runs on its host: "..." (the default) a fresh folder under ~/.parallel/tmp there,
# removed with --cleanup; parallel makes one on this machine too, so a local run sets WORKDIR=. (here).
set -euo pipefail
profile=${1:?usage: run-parallel.sh PROFILE.drainlab.json OUTDIR N HOSTS}
outdir=${2:?usage: run-parallel.sh PROFILE.drainlab.json OUTDIR N HOSTS}
shards=${3:?usage: run-parallel.sh PROFILE.drainlab.json OUTDIR N HOSTS}
hosts=${4:?usage: run-parallel.sh PROFILE.drainlab.json OUTDIR N HOSTS}
drainlab=${DRAINLAB:-drainlab}
mkdir -p "$outdir"
cp "$profile" "$outdir/sweep.drainlab.json"
cd "$outdir"
# --transferfile sends the profile to the host, --return brings the shard's folder back, --cleanup removes
# both from the host. --halt now,fail=1 stops at the first failed shard (a merge without it would be refused
# anyway). {} is the shard index.
parallel --sshlogin "$hosts" --workdir "${WORKDIR:-...}" \
  --transferfile sweep.drainlab.json --return 'shard-{}' --cleanup \
  --halt now,fail=1 --line-buffer --tagstring 'shard {}' \
  "$drainlab run sweep.drainlab.json --shard {}/$shards --jobs 1 --out shard-{}" \
  ::: $(seq 0 $((shards - 1)))
$drainlab merge shard-* --out merged
