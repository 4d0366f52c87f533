#!/usr/bin/env bash
# A/B of `slipway deploy` (issue 5) between two Slipway builds, interleaved in one run: each build
# runs its own `slipway cloud` (ports 4611/4612) and deploys a copy of examples/peer-rewards to it:
# first deploy, unchanged redeploy, then RUNS rounds of code-change redeploys (A, B, A, B, …), then
# an unchanged redeploy. Wall time, the CLI process's CPU (user+sys) and the cloud process's CPU
# during the deploy (its /proc counters before and after) per deploy.
#   A code change is a rewritten jar with different bytes (an extra entry, as a rebuild would give a
#   new file): before every code-change deploy the jar is written anew, so nothing remembered about
#   the file can be reused.
# Usage: benchmarks/deploy-ab.sh HOME_A HOME_B [RUNS=4]
#   HOME_x: a directory with the `slipway` launcher and cli/target/{slipway.jar,lib/} of one build
#   (e.g. a copy of this checkout's, with other module jars dropped into lib/).
# Loopback only; every process it starts is stopped by PID; ~1–2 min.
set -euo pipefail
A=$(cd "$1" && pwd); B=$(cd "$2" && pwd); RUNS=${3:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
export SLIPWAY_SKIP_STALE_CHECK=1
PIDS=()
cleanup() { local p; for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
now_ms() { date +%s%3N; }
svc() { # svc NAME: a copy of the example (sources, serverless.yml, its jar) for one build
  mkdir -p "$WORK/$1/target"
  (cd "$ROOT/examples/peer-rewards" && tar --exclude=target --exclude=.slipway -cf - .) | (cd "$WORK/$1" && tar xf -)
  cp "$ROOT/examples/peer-rewards/target/peer-rewards.jar" "$WORK/$1/target/peer-rewards.jar"
}
version=0
change_jar() { # change_jar DIR: a new jar file with different bytes (one more entry)
  version=$((version + 1))
  local d="$WORK/jar-$version"; mkdir -p "$d" && echo "change $version" >"$d/benchmark-change.txt"
  cp "$ROOT/examples/peer-rewards/target/peer-rewards.jar" "$1/target/.new.jar"
  (cd "$d" && jar uf "$1/target/.new.jar" benchmark-change.txt)
  mv "$1/target/.new.jar" "$1/target/peer-rewards.jar"
}
declare -A CLOUD_PID
cloud_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
deploy() { # deploy LABEL HOME PORT DIR
  local label=$1 home=$2 port=$3 dir=$4 t0 t cpu c0 f="$WORK/${1//[^a-zA-Z0-9]/_}"
  c0=$(cloud_cpu_ms "${CLOUD_PID[$port]}")
  t0=$(now_ms)
  /usr/bin/time -f '%U %S' -o "$f.time" "$home/slipway" deploy --dir "$dir" --endpoint "http://127.0.0.1:$port" >"$f.log" 2>&1 \
    || { echo "FAILED: $label"; cat "$f.log"; exit 1; }
  t=$(( $(now_ms) - t0 )); cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$f.time")
  printf '%-44s %6d ms   (CPU %5d ms, cloud CPU %5d ms)\n' "$label" "$t" "$cpu" $(( $(cloud_cpu_ms "${CLOUD_PID[$port]}") - c0 ))
}
start_cloud() { # start_cloud HOME PORT
  "$1/slipway" cloud --port "$2" >"$WORK/cloud-$2.log" 2>&1 &
  PIDS+=("$!"); CLOUD_PID[$2]=$!
  local deadline=$(( $(now_ms) + 60000 ))
  until curl -sf -o /dev/null "http://127.0.0.1:$2/_slipway/health"; do
    (( $(now_ms) < deadline )) || { echo "cloud on $2 did not start"; cat "$WORK/cloud-$2.log"; exit 1; }
    sleep 0.05
  done
}

echo "work in $WORK; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A = $A"; echo "B = $B"
svc a; svc b
start_cloud "$A" 4611; start_cloud "$B" 4612
for x in a b; do # trains each build's class-data archive of 'deploy' (not timed)
  home=$A; port=4611; [[ $x == b ]] && { home=$B; port=4612; }
  "$home/slipway" deploy --dir "$WORK/$x" --stage warmup --endpoint "http://127.0.0.1:$port" >"$WORK/training-$x.log" 2>&1
done
change_jar "$WORK/a"; deploy "A first deploy" "$A" 4611 "$WORK/a"
change_jar "$WORK/b"; deploy "B first deploy" "$B" 4612 "$WORK/b"
deploy "A unchanged redeploy" "$A" 4611 "$WORK/a"
deploy "B unchanged redeploy" "$B" 4612 "$WORK/b"
for i in $(seq "$RUNS"); do
  change_jar "$WORK/a"; deploy "A code-change redeploy $i" "$A" 4611 "$WORK/a"
  change_jar "$WORK/b"; deploy "B code-change redeploy $i" "$B" 4612 "$WORK/b"
done
sleep 2.5 # the last jars are now old enough to be remembered
deploy "A unchanged redeploy (2)" "$A" 4611 "$WORK/a"
deploy "B unchanged redeploy (2)" "$B" 4612 "$WORK/b"
deploy "A unchanged redeploy (3)" "$A" 4611 "$WORK/a"
deploy "B unchanged redeploy (3)" "$B" 4612 "$WORK/b"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
