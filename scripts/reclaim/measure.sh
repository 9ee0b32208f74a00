#!/bin/bash
# Measures how kswapd's reclaim passes relate to the per-CPU page lists on this host (docs/model.md §2.3,
# ZONE_RECLAIM_ACTIVE): traces vmscan:mm_vmscan_kswapd_wake/sleep, mm_vmscan_wakeup_kswapd,
# mm_vmscan_direct_reclaim_begin/end, mm_vmscan_lru_shrink_inactive (kswapd's last one before it naps approximates
# the end of balance_pgdat(), which has no tracepoint of its own) and kmem:mm_page_pcpu_drain with a stack trace per
# event (the same tracepoint fires for drain_all_pages(), for the pcp->high decay and for every bulk free on the
# normal free path; only the stack tells them apart), and samples /proc/zoneinfo's per-CPU pagesets every ~0.1-0.2 s,
# writing "drainlab-sample N" into trace_marker just before each sample so that samples and events share the
# trace clock. mm_page_pcpu_drain goes to a trace instance of its own and collapse.awk turns its per-page events
# into calls; kswapd's own bulk frees are filtered out of it: they are most of the volume (one event per page).
# Pressure is one anonymous allocation of at most 35 % of MemTotal, held, then clean page cache (reading holes
# of a sparse file fills the cache with zeroed pages, no disk I/O) until memory is full, then STEADY seconds of
# churn; nothing is dirty and there is no swap, so everything taken is reclaimable or freed on exit.
# The allocator stops early if MemAvailable falls under 3.5 GiB. Then parse.mjs prints the tables.
# Usage: sudo scripts/reclaim/measure.sh [OUT_DIR] [STEADY_SECONDS]
set -euo pipefail
OUT=${1:-$(mktemp -d)}
STEADY=${2:-10}
mkdir -p "$OUT"
T=/sys/kernel/tracing
WORK=/var/tmp/drainlab-reclaim.$$          # on the root filesystem: its holes are what fill the page cache
EVENTS="vmscan/mm_vmscan_kswapd_wake vmscan/mm_vmscan_kswapd_sleep vmscan/mm_vmscan_wakeup_kswapd
  vmscan/mm_vmscan_direct_reclaim_begin vmscan/mm_vmscan_direct_reclaim_end vmscan/mm_vmscan_lru_shrink_inactive"
# mm_page_pcpu_drain (one event + stack per page) gets an instance of its own: when it overruns, it must not
# overwrite the vmscan events and the sample markers in the main buffer (the first run lost 40 s of them).
I=$T/instances/drainlab-pcp
PCP=$I/events/kmem/mm_page_pcpu_drain
OLD_BUF=$(cat $T/buffer_size_kb)
PIDS=()
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  echo 0 > $T/tracing_on
  for e in $EVENTS; do echo 0 > $T/events/$e/enable; done
  if [ -d $I ]; then
    echo 0 > $I/tracing_on; echo 0 > $PCP/enable; echo '!stacktrace' > $PCP/trigger; rmdir $I
  fi
  echo > $T/trace
  echo "$OLD_BUF" > $T/buffer_size_kb
  rm -rf "$WORK"
  echo 1 > /proc/sys/vm/drop_caches           # give the test suite its memory back as free pages
}
trap cleanup EXIT
mkdir -p "$WORK"
echo "loadavg before: $(cat /proc/loadavg)" > "$OUT/info.txt"
grep -E 'MemTotal|MemAvailable|MemFree|^Cached' /proc/meminfo >> "$OUT/info.txt"

KSWAPD=$(pgrep -x kswapd0)
echo 0 > $T/tracing_on; echo > $T/trace
echo 32768 > $T/buffer_size_kb                # per CPU
for e in $EVENTS; do echo 1 > $T/events/$e/enable; done
mkdir $I
echo 0 > $I/tracing_on
echo 393216 > $I/buffer_size_kb               # per CPU, 768 MiB in all: ~150 B per event with its stack
echo "common_pid != $KSWAPD" > $PCP/filter
echo "stacktrace if common_pid != $KSWAPD" > $PCP/trigger
echo 1 > $PCP/enable
echo "$KSWAPD" > "$OUT/kswapd.pid"

# Sampler: marker first, then the zoneinfo copy; a sample takes < 1 ms, far below the spacing.
(
  n=0
  while :; do
    echo "drainlab-sample $n" > $T/trace_marker
    { echo "=== $n"; cat /proc/zoneinfo; } >> "$OUT/zoneinfo.txt"
    n=$((n + 1)); sleep 0.03          # cat + marker take ~50-150 ms more under load
  done
) &
PIDS+=($!)
echo 1 > $T/tracing_on; echo 1 > $I/tracing_on
sleep 2                                        # a baseline before any pressure

# A builtin read loop: forking awk per poll took ~0.25 s under the pressure itself, stretching the phases.
memkb() { local k v _; while read -r k v _; do [ "$k" = "$1:" ] && { echo "$v"; return; }; done < /proc/meminfo; }
# Phase 1: anonymous memory first, 35 % of MemTotal at most (no swap: it cannot be reclaimed, only freed on
# exit), held to the end: it leaves less for the cache to fill, so the slow reader (0.3-0.4 GB/s of holes here)
# reaches the watermarks within the run. (The first runs did it last, as a burst meant to provoke direct reclaim;
# in the run where the reader had not filled memory by then, kswapd never woke at all.)
ANON_MB=$(( $(memkb MemTotal) * 35 / 100 / 1024 ))
[ $ANON_MB -gt 8192 ] && ANON_MB=8192
echo "drainlab-phase anon $ANON_MB" > $T/trace_marker
python3 - "$ANON_MB" "$WORK/anon-done" <<'EOF' &
import sys, time
chunks = []
for i in range(int(sys.argv[1]) // 256):
    avail = int(next(l for l in open('/proc/meminfo') if l.startswith('MemAvailable')).split()[1])
    if avail < 3584 * 1024:            # 3.5 GiB: stop taking memory, the rest of the host needs it
        print('anon: stopped at', i * 256, 'MiB, MemAvailable', avail, 'kB', flush=True)
        break
    chunks.append(b'\1' * (256 << 20))   # written, so every page is faulted in now
open(sys.argv[2], 'w').close()           # tell the script the allocation is done
time.sleep(float(2 ** 31))
EOF
ANON=$!; PIDS+=($ANON)
for i in $(seq 1 300); do [ -e "$WORK/anon-done" ] && break; sleep 0.1; done

# Phase 2: one reader (nice, one core) streams a 200 GiB sparse file until the cache has taken memory down to
# the watermarks; kswapd then runs its passes. 200 GiB is never reached: it is killed at the end.
truncate -s 200G "$WORK/hole"
nice -n 10 dd if="$WORK/hole" of=/dev/null bs=1M status=none &
READER=$!; PIDS+=($READER)
echo "drainlab-phase fill" > $T/trace_marker
# MemFree stays ~1.4 GiB here: dd's readahead asks for order-9 folios, which wake kswapd (and compaction) well
# before order-0 free pages reach the watermarks, so wait for 2 GiB, or 75 s.
for i in $(seq 1 750); do
  [ "$(memkb MemFree)" -lt 2097152 ] && break
  sleep 0.1
done
echo "fill ended after ${i}x0.1 s, MemFree $(memkb MemFree) kB" >> "$OUT/info.txt"
echo "drainlab-phase steady" > $T/trace_marker
sleep "$STEADY"                                # reader + held anon: steady churn of the cache
echo "drainlab-phase release" > $T/trace_marker
kill $ANON; wait $ANON 2>/dev/null || true
sleep 5
kill $READER; wait $READER 2>/dev/null || true
echo "drainlab-phase end" > $T/trace_marker
sleep 2
echo 0 > $T/tracing_on; echo 0 > $I/tracing_on
kill "${PIDS[0]}"
for b in $T $I; do for c in $b/per_cpu/cpu*; do
  echo "${b##*/} ${c##*/}: $(grep -E 'overrun|entries' $c/stats | tr '\n' ' ')"
done; done >> "$OUT/info.txt"
cat $T/trace > "$OUT/trace.txt"
# Collapse the per-page events with their stacks into calls (same CPU, pid and stack, < 1 ms apart) right away:
# the raw text is ~13 lines per page, hundreds of MB.
awk -f "$(dirname "$0")/collapse.awk" $I/trace > "$OUT/pcp-calls.txt"
echo "loadavg after: $(cat /proc/loadavg)" >> "$OUT/info.txt"
cat "$OUT/info.txt"
node "$(dirname "$0")/parse.mjs" "$OUT"
echo "trace: $OUT/trace.txt; samples: $OUT/zoneinfo.txt"
