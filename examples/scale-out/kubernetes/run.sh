#!/bin/bash
# Runs a sweep as N shards on Kubernetes, then the merge (docs/scale-out.md).
# usage: run.sh PROFILE.drainlab.json N   — needs kubectl on a namespace with the drainlab image and a
# ReadWriteMany claim named drainlab-results; TIMEOUT (default 24h) bounds the wait for the shards.
set -euo pipefail
here=$(dirname "$0")
profile=${1:?usage: run.sh PROFILE.drainlab.json N}
shards=${2:?usage: run.sh PROFILE.drainlab.json N}
kubectl create configmap drainlab-profile --from-file=sweep.drainlab.json="$profile" --dry-run=client -o yaml | kubectl apply -f -
# the one number N sets completions, parallelism and the SHARD_COUNT the pods divide by
sed -e "s/completions: 4/completions: $shards/" -e "s/parallelism: 4/parallelism: $shards/" -e "s/value: \"4\"/value: \"$shards\"/" \
  "$here/shards-job.yaml" | kubectl apply -f -
kubectl wait --for=condition=complete --timeout="${TIMEOUT:-24h}" job/drainlab-shards
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete --timeout=1h job/drainlab-merge
kubectl logs job/drainlab-merge
