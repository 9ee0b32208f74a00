#!/bin/bash
# A one-node Slurm cluster on localhost for tests/cli/slurm.test.ts, started by hand: no systemd, no cgroups
# (proctrack/linuxproc, task/none). Every file is in DIR; every daemon runs in the foreground as a child
# recorded by PID in DIR/pids, so `stop` ends exactly those, and a daemon that died shows in its log. Their
# output goes to those logs, never to this script's: a caller that waits for the script's output to end
# would otherwise wait for the daemons.
#   local-cluster.sh start DIR   — munged, slurmctld, slurmd; returns once the node takes jobs (or fails, stopped)
#   local-cluster.sh stop DIR    — SIGTERM to each recorded PID, SIGKILL after 10 s
# Needs root (munged runs as the munge user, the daemons as root) and Debian's slurm-wlm and munge.
set -euo pipefail
cmd=${1:?usage: local-cluster.sh start|stop DIR}
dir=$(realpath "${2:?usage: local-cluster.sh start|stop DIR}")

stop() {
  [ -f "$dir/pids" ] || return 0
  local pid
  # jobs a failed test left running first, while slurmctld and slurmd can still end them (bounded)
  if [ -f "$dir/slurm.conf" ]; then
    SLURM_CONF=$dir/slurm.conf timeout 10 scancel --partition=test >/dev/null 2>&1 || true
    wait_for 10 bash -c "[ -z \"\$(SLURM_CONF='$dir/slurm.conf' timeout 5 squeue -h -p test)\" ]" || true
  fi
  # reverse start order: slurmd, slurmctld, munged
  for pid in $(tac "$dir/pids"); do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 100); do
    local alive=0
    for pid in $(cat "$dir/pids"); do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.1
  done
  for pid in $(cat "$dir/pids"); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -f "$dir/pids"
}

# waits up to $1 seconds for the command after it to succeed
wait_for() {
  local seconds=$1
  shift
  for _ in $(seq $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  # mktemp -d makes it 0700: the munge user must reach its folder inside
  chmod 0755 "$dir"
  chown munge:munge "$dir/munge"
  # the socket's folder must be searchable by every job's user; munged warns otherwise
  chmod 0711 "$dir/munge"
  # munged as the munge user, with its socket here: nothing of the machine's own munge is touched
  runuser -u munge -- /usr/sbin/munged --foreground --force --key-file=/etc/munge/munge.key \
    --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed" \
    </dev/null >"$dir/munged.log" 2>&1 &
  echo $! >> "$dir/pids"
  wait_for 10 test -S "$dir/munge/munge.socket" || { echo "munged did not start" >&2; cat "$dir/munged.log" >&2 || true; return 1; }
  # the PID above is runuser's, which passes signals on; munged's own is recorded too, in case it does not
  wait_for 5 test -s "$dir/munge/munged.pid" && cat "$dir/munge/munged.pid" >> "$dir/pids"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=drainlab-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$dir/slurm.conf
  /usr/sbin/slurmctld -D -i -f "$dir/slurm.conf" </dev/null >>"$dir/slurmctld.log" 2>&1 &
  echo $! >> "$dir/pids"
  /usr/sbin/slurmd -D -N localhost -f "$dir/slurm.conf" </dev/null >>"$dir/slurmd.log" 2>&1 &
  echo $! >> "$dir/pids"
  # the node is up when sinfo lists it idle
  if ! wait_for 30 bash -c "timeout 5 sinfo -h -N -o %t | grep -qx idle"; then
    echo "the node did not come up in 30 s" >&2
    tail -20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
    return 1
  fi
}

case $cmd in
  start) start || { stop; exit 1; } ;;
  stop) stop ;;
  *) echo "usage: local-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
