#!/usr/bin/env bash
# `slipway offline` on examples/peer-rewards: start → first API answer (GET /dev/users), issue 6's
# "≤ 3 s with a built artifact", cold and warm reported separately. Unattended and bounded (about
# 10 s per run on a quiet 2-core machine), loopback only; every process it starts is stopped by PID.
#   cold: an empty Lambda cache (fresh XDG_CACHE_HOME: no class-data archive of the functions yet)
#   warm: the same cache again (the archive the previous run's workers wrote at exit)
# One untimed training run per launcher first writes the CLI's own class-data archive of 'offline'.
# A/B: LAUNCHERS="base=/tmp/ab/base/slipway new=./slipway" runs the launchers interleaved, run by run.
# Usage: benchmarks/offline-first-request.sh [RUNS=3]   (RUNS of cold and of warm per launcher)
# SLIPWAY_TRACE=1 adds phase timestamps to the logs (kept in the printed directory).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
OFFLINE_PORT=${OFFLINE_PORT:-3311}
LAUNCHERS=${LAUNCHERS:-"slipway=./slipway"}
APP=examples/peer-rewards
LOG=$(mktemp -d)
export SLIPWAY_SKIP_STALE_CHECK=1
PID=
cleanup() { if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT
now_ms() { date +%s%3N; }
[[ -f $APP/target/peer-rewards.jar ]] || {
  echo "building $APP (not timed)"
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -o -f $APP/pom.xml package -DskipTests; }

# one_run LABEL LAUNCHER KIND CACHE: prints one line; KIND is training, cold or warm
one_run() {
  local label=$1 launcher=$2 kind=$3 cache=$4 t0 first t1 second file
  file="$LOG/$label-$kind-$(now_ms).log"
  t0=$(now_ms)
  XDG_CACHE_HOME=$cache "$launcher" offline --dir $APP --port "$OFFLINE_PORT" --cloud-port 0 >"$file" 2>&1 &
  PID=$!
  local deadline=$(( t0 + 60000 ))
  until curl -sf -o /dev/null "http://127.0.0.1:$OFFLINE_PORT/dev/users"; do
    kill -0 "$PID" 2>/dev/null || { echo "offline exited; see $file"; tail -20 "$file"; exit 1; }
    (( $(now_ms) < deadline )) || { echo "no answer within 60 s; see $file"; exit 1; }
    sleep 0.02
  done
  first=$(( $(now_ms) - t0 ))
  t1=$(now_ms); curl -sf -o /dev/null "http://127.0.0.1:$OFFLINE_PORT/dev/users"; second=$(( $(now_ms) - t1 ))
  # SIGTERM as Ctrl-C: a worker writing its class-data archive finishes it before offline exits
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=
  printf '%-8s %-8s start → first API answer %6d ms   next request %4d ms   %s   %s\n' "$label" "$kind" "$first" \
    "$second" "$(grep -o 'ready in [0-9]* ms' "$file" | head -1)" \
    "$(grep -o 'GET /dev/users → [^ ]* 200 [0-9.]* ms ([a-z]*)' "$file" | head -1)"
}

echo "logs in $LOG; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in $LAUNCHERS; do
  label=${spec%%=*}; launcher=${spec#*=}
  "$launcher" --version >/dev/null 2>&1
  one_run "$label" "$launcher" training "$LOG/cache-training-$label"
done
for i in $(seq "$RUNS"); do
  for spec in $LAUNCHERS; do
    label=${spec%%=*}; launcher=${spec#*=}
    cache="$LOG/cache-$label-$i"
    one_run "$label" "$launcher" cold "$cache"
    one_run "$label" "$launcher" warm "$cache"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
