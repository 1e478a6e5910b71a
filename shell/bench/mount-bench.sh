#!/usr/bin/env bash
# Benchmarks for the walking skeleton (a program, not a test: it prints figures and ratios).
#   1. `netmodel up --daemon` to a usable mount (wall clock, cold JVM each time)
#   2. FUSE upcalls per `cat` of one attribute (through the class symlink, its device path, /proc/sys)
#   3. open+read+close of a small attribute vs a C libfuse2 floor serving the same path (cfuse-tree.c)
#      with the same mount options
#   4. modprobe/rmmod latency and heap/threads/bundles over N cycles (in-process)
# env: RDLOOP_SRC (fuse-floor's rdloop.c; default ../shared/tools/fuse-floor/rdloop.c), ITER, BATCHES, CYCLES
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

echo "== 2. FUSE upcalls per cat (100 cats of each file; the C libfuse2 floor with the same options makes"
echo "   5 for a file at a plain path and 6 through the sys/class/net symlink: cat's fstat after a read is a"
echo "   getattr on any writable FUSE mount, the symlink a readlink, then open, read, read (EOF), release)"
total() { "$NM" status --fuse-counters | awk '{ print $NF }' | cut -d= -f2; }
per_cat() { # REL
  local b a
  cat "$MNT/$1" >/dev/null
  b=$(total)
  for _ in $(seq 100); do cat "$MNT/$1" >/dev/null; done
  a=$(total)
  awk -v a="$a" -v b="$b" -v f="$1" 'BEGIN { printf "   %-62s %.2f\n", f, (a - b) / 100 }'
}
per_cat sys/class/net/eth0/mtu
per_cat sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu
per_cat proc/sys/net/core/busy_poll
"$NM" status --fuse-counters | sed 's/^/   counters: /'

RDLOOP_SRC=${RDLOOP_SRC:-$ROOT/../shared/tools/fuse-floor/rdloop.c}
echo "== 3. open+read+close vs a C libfuse2 floor serving the same path with the same options"
if [ -f "$RDLOOP_SRC" ] && pkg-config --exists fuse 2>/dev/null; then
  W=$(mktemp -d)
  gcc -O2 -Wall -o "$W/rdloop" "$RDLOOP_SRC"
  # shellcheck disable=SC2046
  gcc -O2 -Wall "$ROOT/shell/bench/cfuse-tree.c" $(pkg-config --cflags --libs fuse) -o "$W/cfuse-tree"
  OPTS=entry_timeout=86400,attr_timeout=86400,negative_timeout=86400
  floor() { # REL SIZE [LINK]
    mkdir -p "$W/mnt"
    FLOOR_FILE="$1" FLOOR_SIZE="$2" FLOOR_LINK="${3:-}" "$W/cfuse-tree" "$W/mnt" -f -o "$OPTS" 2>/dev/null &
    local pid=$!
    for _ in $(seq 100); do mountpoint -q "$W/mnt" && break; sleep 0.05; done
    "$W/rdloop" -n "${ITER:-20000}" -b "${BATCHES:-5}" "$W/mnt$4" "$MNT$4" | sed 's/^/   /'
    fusermount -u "$W/mnt"; wait "$pid" 2>/dev/null || true
  }
  DEV=/sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0
  floor /proc/sys/net/core/busy_poll 0 "" /proc/sys/net/core/busy_poll
  floor "$DEV/mtu" 4096 "/sys/class/net/eth0=../../devices/pci0000:00/0000:00:03.0/virtio0/net/eth0" /sys/class/net/eth0/mtu
  rm -rf "$W"
else
  echo "   skipped: needs gcc, pkg-config, libfuse-dev and $RDLOOP_SRC"
fi

echo "== 4. modprobe/rmmod (in-process, ${CYCLES:-1000} cycles)"
java -cp "$ROOT/shell/target/netmodel/lib/*" -Dnetmodel.home="$ROOT" \
  -Dnetmodel.system="$ROOT/shell/target/netmodel/system" io.netmodel.shell.bench.HotplugBench "${CYCLES:-1000}"
