#!/usr/bin/env bash
# Deploy timings (issue 5): `slipway cloud` start → health 200, then deploys of examples/peer-rewards
# into that running cloud: first deploy, unchanged redeploy, redeploy of a rebuilt artifact (a copy
# of the example with one changed class, same service and stage), unchanged redeploy of that.
# Baseline in the same run: `./slipway --version` (the CLI's own JVM start, which every deploy pays).
# Usage: benchmarks/deploy-timings.sh CHANGED_COPY_DIR
#   CHANGED_COPY_DIR: a copy of examples/peer-rewards with a trivial code change, built
#   (target/peer-rewards.jar differs from the example's).
set -euo pipefail
cd "$(dirname "$0")/.."
COPY=${1:?usage: deploy-timings.sh CHANGED_COPY_DIR}
PORT=${PORT:-4599}
EP=http://127.0.0.1:$PORT
LOG=$(mktemp -d)
cleanup() { [[ -n "${CLOUD_PID:-}" ]] && kill "$CLOUD_PID" 2>/dev/null || true; }
trap cleanup EXIT
now_ms() { date +%s%3N; }
timed() { # timed LABEL CMD... : runs CMD, prints its wall time, keeps its output in $LOG
  local label=$1; shift; local t0 t
  t0=$(now_ms)
  "$@" >"$LOG/$label.log" 2>&1 || { echo "FAILED: $label"; cat "$LOG/$label.log"; exit 1; }
  t=$(( $(now_ms) - t0 )); printf '%-40s %6d ms\n' "$label" "$t"
}

echo "logs in $LOG"
timed "baseline: slipway --version" ./slipway --version
t0=$(now_ms)
./slipway cloud --port "$PORT" >"$LOG/cloud.log" 2>&1 &
CLOUD_PID=$!
until curl -sf -o /dev/null "$EP/_slipway/health"; do
  kill -0 "$CLOUD_PID" 2>/dev/null || { cat "$LOG/cloud.log"; exit 1; }
  sleep 0.02
done
printf '%-40s %6d ms\n' "cloud: start → health 200" $(( $(now_ms) - t0 ))
# a freshly built jar (same bytes, new file; not timed), so the compiler's CodeSha256 cache cannot be reused
rewrite_jar() { cp "$1/target/peer-rewards.jar" "$1/target/.rewrite.jar" && mv "$1/target/.rewrite.jar" "$1/target/peer-rewards.jar"; }
rewrite_jar examples/peer-rewards
timed "deploy peer-rewards (first)" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
timed "redeploy, nothing changed" ./slipway deploy --dir examples/peer-rewards --endpoint "$EP"
rewrite_jar "$COPY"
timed "redeploy, artifact changed" ./slipway deploy --dir "$COPY" --endpoint "$EP"
timed "redeploy, nothing changed (2)" ./slipway deploy --dir "$COPY" --endpoint "$EP"
echo "-- output of the first deploy and of the code-change redeploy:"
cat "$LOG/deploy peer-rewards (first).log"; echo; cat "$LOG/redeploy, artifact changed.log"
