#!/usr/bin/env bash
# `slipway invoke` end to end, A/B interleaved (issue 2): two Slipway homes (each with its launcher
# ./slipway and cli/target/slipway.jar + lib/), the same jar, handler and event, runs alternating
# A, B, A, B… so both see the same machine load. Prints mean ± sd and min per side, and the peer's
# `sls invoke local` on the same jar when it is installed (bash /work/shared/peers/serverless/setup.sh /tmp/sls).
# Bounded: 1 untimed warm-up per side (trains the CLI's and the function's class-data archives),
# then RUNS pairs (default 8; about 2 s per pair). Loopback only; every invoke ends its worker.
# Usage: benchmarks/invoke-ab.sh A_HOME B_HOME [RUNS]
#   e.g. benchmarks/invoke-ab.sh /tmp/ab-invoke/base . 8
set -euo pipefail
A=$(cd "${1:?A_HOME}" && pwd); B=$(cd "${2:?B_HOME}" && pwd); RUNS=${3:-8}
SLS_APP=${SLS_APP:-/tmp/sls/app}
JAR=${JAR:-$SLS_APP/target/peer-rewards.jar}
HANDLER=${HANDLER:-biz.example.UsersHandler}
EVENT=${EVENT:-$SLS_APP/events-users.json}
[[ -f $JAR ]] || { echo "no $JAR: install the peer (setup.sh /tmp/sls) or set JAR, HANDLER, EVENT"; exit 1; }
export SLIPWAY_SKIP_STALE_CHECK=1 SLS_TELEMETRY_DISABLED=1
LOG=$(mktemp -d)
run() { # run HOME: prints the wall time of one invoke in ms (fails loudly); its CPU time (user+sys of the CLI and its worker) goes to $LOG/cpu-NAME
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$LOG/time" "$1/slipway" invoke --code "$JAR" --handler "$HANDLER" --event "$EVENT" >"$LOG/out" 2>&1 \
    || { echo "FAILED: $1" >&2; cat "$LOG/out" >&2; exit 1; }
  t1=$(date +%s%N)
  awk '{printf "%d\n", ($1 + $2) * 1000}' "$LOG/time" >>"$LOG/cpu-${1//\//_}"
  echo $(( (t1 - t0) / 1000000 ))
}
stats() { # stats LABEL values…
  local label=$1; shift
  printf '%s\n' "$@" | awk -v l="$label" '{s+=$1; q+=$1*$1; if (NR==1||$1<m) m=$1} END {
    sd = NR > 1 ? sqrt((q - s*s/NR)/(NR-1)) : 0; printf "%-28s %5.0f ± %3.0f ms   min %5d ms   (n=%d)\n", l, s/NR, sd, m, NR}'
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); jar $JAR; handler $HANDLER"
run "$A" >/dev/null; run "$B" >/dev/null; rm -f "$LOG"/cpu-*
TA=(); TB=()
for i in $(seq "$RUNS"); do TA+=("$(run "$A")"); TB+=("$(run "$B")"); done
stats "A $A" "${TA[@]}"
stats "B $B" "${TB[@]}"
# shellcheck disable=SC2046
stats "A CPU (user+sys)" $(cat "$LOG/cpu-${A//\//_}")
# shellcheck disable=SC2046
stats "B CPU (user+sys)" $(cat "$LOG/cpu-${B//\//_}")
tail -1 "$LOG/out" | cut -c1-160
if [[ -x "$SLS_APP/node_modules/.bin/sls" && "${SLS:-1}" == 1 ]]; then
  TS=()
  for i in $(seq "$(( RUNS < 4 ? RUNS : 4 ))"); do
    t0=$(date +%s%N); (cd "$SLS_APP" && node_modules/.bin/sls invoke local -f users --path events-users.json >"$LOG/sls" 2>&1)
    TS+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
  done
  stats "sls invoke local" "${TS[@]}"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$LOG"
