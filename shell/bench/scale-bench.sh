#!/usr/bin/env bash
# Benchmarks for the kernel-exact filesystem at scale (a program, not a test: it prints figures
# and ratios; best of N on a busy machine).
#   1. memory per netdev and per queue pair, measured (heap after GC, io.netmodel.shell.bench.ScaleBench)
#   2. the big host (NETDEVS virtio-net devices x QUEUES queue pairs on CPUS CPUs): `up --daemon`
#      to a usable mount, `ls -R` of the mount, one node_exporter scrape, the daemon's RSS
#   3. node_exporter scraping the default host through the mount vs the same scrape of this
#      machine's real /sys and /proc (same collectors), with --fuse-cache 0 and the default
# Collectors: those NodeExporterIT checks (netclass, netdev, softnet, interrupts).
# env: NETDEVS (1000), QUEUES (64), CPUS (64), RUNS (3, JVMs per memory figure),
#      BIG_FUSE_CACHE (86400: --fuse-cache of the big host), SCRAPE_CACHES ("0 86400"),
#      SCRAPES (20, scrapes of the default host per set-up), SKIP_BIG (1 skips parts 1 and 2)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NM="$ROOT/netmodel"
EXPORTER=/usr/bin/prometheus-node-exporter
NETDEVS=${NETDEVS:-1000} QUEUES=${QUEUES:-64} CPUS=${CPUS:-64} RUNS=${RUNS:-3}
SCRAPES=${SCRAPES:-20} BIG_FUSE_CACHE=${BIG_FUSE_CACHE:-86400}
COLLECTORS=(--collector.disable-defaults --collector.netclass --collector.netdev --collector.softnet
  --collector.interrupts --no-collector.netdev.netlink --no-collector.netclass.netlink)

MOUNTS=() EXPORTERS=()
cleanup() {
  for pid in "${EXPORTERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for m in "${MOUNTS[@]}"; do "$NM" down --mount "$m" >/dev/null 2>&1 || true; rmdir "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_exporter SYSFS PROCFS: starts node_exporter on a free port and sets PORT (not run in a
# subshell, so the cleanup knows its pid)
start_exporter() {
  PORT=$(free_port)
  "$EXPORTER" --web.listen-address="127.0.0.1:$PORT" --path.sysfs="$1" --path.procfs="$2" "${COLLECTORS[@]}" \
    >/dev/null 2>&1 &
  EXPORTERS+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/metrics" && break; sleep 0.05; done
}
# best_scrape PORT N: the fastest of N scrapes, in ms (3 decimals)
best_scrape() {
  for _ in $(seq "$2"); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$1/metrics"; done \
    | sort -n | head -1 | awk '{ printf "%.3f", $1 * 1000 }'
}
collector_errors() { # PORT: the collectors whose node_scrape_collector_success is not 1
  curl -s "http://127.0.0.1:$1/metrics" | awk '/^node_scrape_collector_success/ && $2 != 1 { print $1 }'
}

"$NM" --version >/dev/null   # builds on first use
[ -x "$EXPORTER" ] || { echo "scale-bench: needs $EXPORTER (apt-get install -y prometheus-node-exporter)" >&2; exit 1; }

if [ "${SKIP_BIG:-0}" != 1 ]; then
  echo "== 1. memory per netdev and per queue pair (heap after GC, median of $RUNS JVMs per host)"
  java -XX:+UseSerialGC -cp "$ROOT/shell/target/netmodel/lib/*" -Dnetmodel.home="$ROOT" \
    -Dnetmodel.system="$ROOT/shell/target/netmodel/system" io.netmodel.shell.bench.ScaleBench \
    "$NETDEVS" "$QUEUES" "$CPUS" "$RUNS" | sed 's/^/   /'

  echo "== 2. $NETDEVS netdevs x $QUEUES queue pairs on $CPUS CPUs (--fuse-cache $BIG_FUSE_CACHE)"
  BIG=$(mktemp -d /tmp/netmodel-scale.XXXXXX); MOUNTS+=("$BIG")
  s=$(date +%s%N)
  "$NM" up --daemon --mount "$BIG" --nic "virtio_net:$NETDEVS" --queues "$QUEUES" --cpus "$CPUS" \
    --fuse-cache "$BIG_FUSE_CACHE" >/dev/null
  echo "   up --daemon to a usable mount: $(ms_since "$s") ms"
  pid=$("$NM" status --mount "$BIG" --json | grep -o '"pid": *[0-9]*' | grep -o '[0-9]*$')
  s=$(date +%s%N)
  entries=$(ls -R "$BIG" | wc -l)
  echo "   ls -R: $(ms_since "$s") ms ($entries lines)"
  start_exporter "$BIG/sys" "$BIG/proc"; port=$PORT
  errors=$(collector_errors "$port" | tr '\n' ' ')
  echo "   node_exporter scrape: best of 3 $(best_scrape "$port" 3) ms; collector errors: ${errors:-none}"
  echo "   daemon RSS: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
  "$NM" down --mount "$BIG" >/dev/null
fi

echo "== 3. node_exporter, default host through the mount vs this machine's /sys and /proc (best of $SCRAPES)"
echo "   and vs a C libfuse2 server of a copy of the mount (shell/bench/cfuse-snapshot.c: the same files,"
echo "   options and upcalls, so mount/floor is netmodel's own share)"
FLOOR=""
if command -v gcc >/dev/null && pkg-config --exists fuse 2>/dev/null; then
  W=$(mktemp -d /tmp/netmodel-floor.XXXXXX)
  # shellcheck disable=SC2046
  gcc -O2 -Wall "$ROOT/shell/bench/cfuse-snapshot.c" $(pkg-config --cflags --libs fuse) -o "$W/cfuse-snapshot" && FLOOR="$W"
fi
OPTS=entry_timeout=86400,attr_timeout=86400,negative_timeout=86400
start_exporter /sys /proc; real_port=$PORT
floor_port=""
for cache in ${SCRAPE_CACHES:-0 86400}; do
  M=$(mktemp -d /tmp/netmodel-scrape.XXXXXX); MOUNTS+=("$M")
  "$NM" up --daemon --mount "$M" --fuse-cache "$cache" >/dev/null
  start_exporter "$M/sys" "$M/proc"; port=$PORT
  best_scrape "$port" 30 >/dev/null   # warm-up (the daemon's JIT)
  if [ -n "$FLOOR" ] && [ ! -d "$FLOOR/copy" ]; then
    mkdir -p "$FLOOR/copy" "$FLOOR/mnt"
    cp -a "$M/sys" "$M/proc" "$FLOOR/copy/" 2>/dev/null || true   # write-only files cannot be copied
    SNAPSHOT_DIR="$FLOOR/copy" "$FLOOR/cfuse-snapshot" "$FLOOR/mnt" -f -o "$OPTS" 2>/dev/null &
    EXPORTERS+=($!)
    for _ in $(seq 100); do mountpoint -q "$FLOOR/mnt" && break; sleep 0.05; done
    start_exporter "$FLOOR/mnt/sys" "$FLOOR/mnt/proc"; floor_port=$PORT
    best_scrape "$floor_port" 30 >/dev/null
  fi
  real=$(best_scrape "$real_port" "$SCRAPES"); model=$(best_scrape "$port" "$SCRAPES")
  floor=$([ -n "$floor_port" ] && best_scrape "$floor_port" "$SCRAPES" || echo 0)
  errors=$(collector_errors "$port" | tr '\n' ' ')
  b=$("$NM" status --mount "$M" --fuse-counters | awk '{ print $NF }' | cut -d= -f2)
  curl -s -o /dev/null "http://127.0.0.1:$port/metrics"
  a=$("$NM" status --mount "$M" --fuse-counters | awk '{ print $NF }' | cut -d= -f2)
  awk -v m="$model" -v r="$real" -v f="$floor" -v c="$cache" -v u=$((a - b)) -v e="${errors:-none}" 'BEGIN {
    printf "   --fuse-cache %d: mount %.1f ms, real %.1f ms, ratio %.2fx (target <= 3x); %d FUSE upcalls per scrape; collector errors: %s\n",
      c, m, r, m / r, u, e
    if (f > 0) printf "      C floor of the same files: %.1f ms, %.2fx the real scrape; the mount is %.2fx the floor\n", f, f / r, m / f }'
  "$NM" down --mount "$M" >/dev/null
done
if [ -n "$FLOOR" ]; then
  fusermount -u "$FLOOR/mnt" 2>/dev/null || true
  rm -rf "$FLOOR"
fi
