#!/usr/bin/env bash
# Benchmarks for the walking skeleton (a program, not a test: it prints figures and ratios).
#   1. `netmodel up --daemon` to a usable mount (wall clock, cold JVM each time)
#   2. FUSE upcalls per `cat` of one attribute
#   3. open+read+close of a small attribute vs the C libfuse2 floor (same mount options)
#   4. modprobe/rmmod latency and heap/threads/bundles over N cycles (in-process)
# env: FLOOR (path to fuse-floor/floor.sh; default ../shared/tools/fuse-floor/floor.sh), ITER, CYCLES
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NM="$ROOT/netmodel"
MNT=$(mktemp -d /tmp/netmodel-bench.XXXXXX)
export NETMODEL_MOUNT=$MNT
trap '"$NM" down >/dev/null 2>&1 || true; rmdir "$MNT" 2>/dev/null || true' EXIT

"$NM" --version >/dev/null   # builds on first use
echo "== 1. up --daemon to usable mount (3 cold starts)"
for i in 1 2 3; do
  s=$(date +%s%N)
  "$NM" up --daemon >/dev/null
  cat "$MNT/sys/class/net/eth0/mtu" >/dev/null
  e=$(date +%s%N)
  printf '   run %d: %d ms\n' "$i" $(( (e - s) / 1000000 ))
  [ "$i" -lt 3 ] && "$NM" down >/dev/null
done

echo "== 2. FUSE upcalls per cat (100 cats of sys/class/net/eth0/mtu)"
before=$("$NM" status --fuse-counters)
for _ in $(seq 100); do cat "$MNT/sys/class/net/eth0/mtu" >/dev/null; done
after=$("$NM" status --fuse-counters)
echo "   before: $before"
echo "   after:  $after"
b=$(echo "$before" | awk '{print $NF}' | cut -d= -f2); a=$(echo "$after" | awk '{print $NF}' | cut -d= -f2)
awk -v a="$a" -v b="$b" 'BEGIN { printf "   upcalls per cat: %.2f\n", (a - b) / 100 }'

FLOOR=${FLOOR:-$ROOT/../shared/tools/fuse-floor/floor.sh}
echo "== 3. open+read+close vs the C libfuse2 floor ($FLOOR)"
if [ -x "$FLOOR" ] || [ -f "$FLOOR" ]; then
  CFUSE_OPTS=entry_timeout=0,attr_timeout=0,negative_timeout=0 ITER=${ITER:-20000} BATCHES=${BATCHES:-5} \
    bash "$FLOOR" "$MNT/proc/sys/net/core/busy_poll" "$MNT/sys/class/net/eth0/mtu"
else
  echo "   skipped: floor.sh not found (set FLOOR=/path/to/fuse-floor/floor.sh)"
fi

echo "== 4. modprobe/rmmod (in-process, ${CYCLES:-1000} cycles)"
java -cp "$ROOT/shell/target/netmodel/lib/*" -Dnetmodel.home="$ROOT" \
  -Dnetmodel.system="$ROOT/shell/target/netmodel/system" io.netmodel.shell.bench.HotplugBench "${CYCLES:-1000}"
