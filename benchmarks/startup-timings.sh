#!/usr/bin/env bash
# Start-up and deploy speed (issues 5, 2 and 6), unattended and bounded (about 2–4 minutes on a
# quiet 2-core machine), loopback only; every process it starts is stopped by PID before it exits.
#   1. `slipway cloud`: start → /_slipway/health answers 200 (RUNS times, after one training run
#      that writes the CLI's class-data archive for `cloud`)
#   2. deploys of examples/peer-rewards into a running cloud: first deploy, unchanged redeploy,
#      code-change redeploys (alternating between the example and a copy whose UsersHandler gained
#      one constant; RUNS each way), with the `--version` CLI start as the baseline
#   3. `slipway invoke --code peer-rewards.jar` end to end, side by side with Serverless Framework's
#      `sls invoke local` on the same jar, handler and event (when the peer is installed in
#      $SLS_APP, see /work/shared/peers/serverless/)
#   4. `slipway offline` on examples/peer-rewards: start → first API answer (GET /dev/users), cold
#      (empty Lambda cache: no function class-data archive yet) and warm (the same cache again)
# Usage: benchmarks/startup-timings.sh [RUNS=3]
# Set SLIPWAY_TRACE=1 to get phase timestamps of every command in the logs. CPU time (user+sys)
# is printed beside wall time: on a shared machine it moves much less than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-3}
PORT=${PORT:-4599}
OFFLINE_PORT=${OFFLINE_PORT:-3311}
EP=http://127.0.0.1:$PORT
SLS_APP=${SLS_APP:-/tmp/sls/app}
LOG=$(mktemp -d)
COPY=$LOG/pr-copy
export SLIPWAY_SKIP_STALE_CHECK=1
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]+"${PIDS[@]}"}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
timed() { # timed LABEL CMD...: prints the wall and CPU (user+sys) time of CMD; its output goes to $LOG/LABEL.log
  local label=$1; shift; local t0 t cpu file="$LOG/${label//[^a-zA-Z0-9]/_}"
  t0=$(now_ms)
  /usr/bin/time -f '%U %S' -o "$file.time" "$@" >"$file.log" 2>&1 || { echo "FAILED: $label"; cat "$file.log"; exit 1; }
  t=$(( $(now_ms) - t0 )); cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$file.time")
  printf '%-52s %6d ms   (CPU %5d ms)\n' "$label" "$t" "$cpu"
}
wait_http() { # wait_http URL PID: until URL answers 2xx (PID must stay alive), at most 60 s
  local deadline=$(( $(now_ms) + 60000 ))
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "process $2 exited; see $LOG"; exit 1; }
    (( $(now_ms) < deadline )) || { echo "no answer from $1 within 60 s"; exit 1; }
    sleep 0.02
  done
}
start_cloud() { # start_cloud LOGNAME: starts `slipway cloud`; sets CLOUD_PID and CLOUD_MS (start → health)
  local t0; t0=$(now_ms)
  ./slipway cloud --port "$PORT" >"$LOG/$1.log" 2>&1 &
  CLOUD_PID=$!; PIDS+=("$CLOUD_PID")
  wait_http "$EP/_slipway/health" "$CLOUD_PID"
  CLOUD_MS=$(( $(now_ms) - t0 ))
}

echo "logs in $LOG; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
./slipway --version >/dev/null # builds the CLI if needed (not timed)
[[ -f examples/peer-rewards/target/peer-rewards.jar ]] || {
  echo "building examples/peer-rewards (not timed)"
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -o -f examples/peer-rewards/pom.xml package -DskipTests; }
echo "preparing the code-change copy of peer-rewards (not timed)"
mkdir -p "$COPY" && (cd examples/peer-rewards && tar --exclude=target --exclude=.slipway -cf - .) | (cd "$COPY" && tar xf -)
sed -i 's/^public final class UsersHandler\(.*\){/public final class UsersHandler\1{\n    static final String BENCHMARK_CHANGE = "changed";/' \
  "$COPY/src/main/java/dev/slipway/examples/rewards/handler/UsersHandler.java"
grep -q BENCHMARK_CHANGE "$COPY/src/main/java/dev/slipway/examples/rewards/handler/UsersHandler.java" || { echo "could not change the copy"; exit 1; }
(cd "$COPY" && JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -o package -DskipTests >"$LOG/copy-build.log" 2>&1) \
  || { echo "building the copy failed: $LOG/copy-build.log"; exit 1; }

echo "== 1. slipway cloud: start → health 200"
start_cloud cloud-training; stop "$CLOUD_PID"; echo "training run (writes the CDS archive of 'cloud'): $CLOUD_MS ms"
for i in $(seq "$RUNS"); do
  start_cloud "cloud-$i"; stop "$CLOUD_PID"
  printf '%-52s %6d ms   (%s)\n' "cloud start → health 200, run $i" "$CLOUD_MS" "$(grep -o 'ready at .*' "$LOG/cloud-$i.log" | head -1)"
done

echo "== 2. deploys of examples/peer-rewards into a running cloud"
start_cloud cloud-deploys
# not timed: trains the CLI's class-data archive of 'deploy' (its first run after a build writes it at exit)
./slipway deploy --dir examples/peer-rewards --stage warmup --endpoint "$EP" >"$LOG/deploy-training.log" 2>&1
timed "baseline: slipway --version" ./slipway --version
# A deploy after a build sees a freshly written jar: the jar is rewritten (same bytes, new file; not
# timed) before the first deploy and before each code-change redeploy, so nothing remembered about
# the file (the compiler's CodeSha256 cache in .slipway/) is reused there, as after a real rebuild.
rewrite_jar() { cp "$1/target/peer-rewards.jar" "$1/target/.rewrite.jar" && mv "$1/target/.rewrite.jar" "$1/target/peer-rewards.jar"; }
rewrite_jar examples/peer-rewards
timed "deploy peer-rewards (first)" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
timed "redeploy, nothing changed" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
for i in $(seq "$RUNS"); do
  rewrite_jar "$COPY"
  timed "redeploy, one class changed ($i, copy)" ./slipway deploy --dir "$COPY" --endpoint "$EP"
  rewrite_jar examples/peer-rewards
  timed "redeploy, one class changed ($i, back)" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
done
timed "redeploy, nothing changed (again)" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
stop "$CLOUD_PID"

echo "== 3. slipway invoke (CLI start, cold worker, result) vs sls invoke local"
if [[ -x "$SLS_APP/node_modules/.bin/sls" && -f "$SLS_APP/target/peer-rewards.jar" ]] && command -v hyperfine >/dev/null; then
  (cd "$SLS_APP" && SLS_TELEMETRY_DISABLED=1 hyperfine -N -w 1 -r "$((RUNS + 2))" --export-markdown "$LOG/invoke.md" \
    -n 'slipway invoke' "$ROOT/slipway invoke --code $SLS_APP/target/peer-rewards.jar --handler biz.example.UsersHandler --event $SLS_APP/events-users.json" \
    -n 'sls invoke local' "bash -c 'cd $SLS_APP && node_modules/.bin/sls invoke local -f users --path events-users.json'" \
    -n 'baseline: slipway --version' "$ROOT/slipway --version" 2>&1 | grep -E 'Benchmark|Time|Range|faster|±' )
else
  echo "(peer not installed in $SLS_APP: bash /work/shared/peers/serverless/setup.sh /tmp/sls; slipway alone:)"
  for i in $(seq "$RUNS"); do
    timed "slipway invoke (run $i)" ./slipway invoke --code examples/peer-rewards/target/peer-rewards.jar \
      --handler dev.slipway.examples.rewards.handler.UsersHandler --env TBL_PREFIX=bench --data '{}' --log || true
  done
fi

echo "== 4. slipway offline on examples/peer-rewards: start → first API answer (GET /dev/users)"
CACHE=$LOG/xdg-cache
for run in training cold warm warm; do
  # the training run (not counted) writes the CLI's class-data archive of 'offline'; "cold" then
  # starts with an empty Lambda cache (no class-data archive of the functions yet), "warm" reuses it
  [[ $run == training ]] && CACHE_DIR=$LOG/xdg-training || CACHE_DIR=$CACHE
  t0=$(now_ms)
  XDG_CACHE_HOME=$CACHE_DIR ./slipway offline --dir examples/peer-rewards --port "$OFFLINE_PORT" --cloud-port 0 >"$LOG/offline-$run.log" 2>&1 &
  OFF_PID=$!; PIDS+=("$OFF_PID")
  wait_http "http://127.0.0.1:$OFFLINE_PORT/dev/users" "$OFF_PID"
  first=$(( $(now_ms) - t0 ))
  t1=$(now_ms); curl -sf -o /dev/null "http://127.0.0.1:$OFFLINE_PORT/dev/users"; second=$(( $(now_ms) - t1 ))
  stop "$OFF_PID"
  printf '%-52s %6d ms   (next request %d ms; %s)\n' "offline start → first API answer ($run)" "$first" "$second" \
    "$(grep -o 'ready in [0-9]* ms' "$LOG/offline-$run.log" | head -1)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
