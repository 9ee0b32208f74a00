#!/bin/bash
# Measures the per-CPU flushes' work functions on this host (docs/model.md §10.4): enables the
# workqueue:workqueue_execute_start/end tracepoints, makes CPU 1 hold LRU folios and a memcg charge stock (a task
# faulting 64 anonymous pages every 2 ms in a memory cgroup), triggers each flush 200 times, then prints each
# work function's duration per CPU (parse.mjs). Needs root, tracefs and the cgroup v1 memory controller.
# Usage: sudo scripts/flush-costs/measure.sh [OUT_DIR]
set -euo pipefail
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
T=/sys/kernel/tracing
G=/sys/fs/cgroup/memory/drainlab-flush-costs
echo 0 > $T/tracing_on; echo > $T/trace
echo 16384 > $T/buffer_size_kb
for e in workqueue_execute_start workqueue_execute_end; do echo 1 > $T/events/workqueue/$e/enable; done
mkdir -p $G
taskset -c 1 sh -c "echo \$\$ > $G/tasks; exec python3 -c '
import mmap, time
while True:
    m = mmap.mmap(-1, 64 * 4096)
    for i in range(0, 64 * 4096, 4096): m[i] = 1
    m.close(); time.sleep(0.002)
'" &
LOAD=$!
trap 'kill $LOAD 2>/dev/null || true; for e in workqueue_execute_start workqueue_execute_end; do echo 0 > $T/events/workqueue/$e/enable; done; rmdir $G 2>/dev/null || true' EXIT
sleep 0.5
echo 1 > $T/tracing_on
for i in $(seq 1 200); do
  echo 1 > /proc/sys/vm/compact_memory                 # compact_nodes(): lru_add_drain_all()
  cat /proc/sys/vm/stat_refresh > /dev/null            # vmstat_refresh(): refresh_vm_stats on every CPU
  echo 1 > /sys/kernel/slab/kmalloc-64/shrink          # __kmem_cache_shrink(): flush_all()
  echo $((512 * 1024 * 1024 + i * 4096)) > $G/memory.limit_in_bytes   # mem_cgroup_resize_max()
  sleep 0.01
done
echo 0 > $T/tracing_on
cat $T/trace > "$OUT/trace.txt"
node "$(dirname "$0")/parse.mjs" "$OUT/trace.txt"
echo "trace: $OUT/trace.txt; load: $(cat /proc/loadavg)"
