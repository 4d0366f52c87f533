#!/usr/bin/env bash
# DynamoDB: Slipway standalone vs dynalite, same client (DynamoDbLoad: AWS SDK for Java v2, 8 threads),
# one server after the other, in memory and persistent; also start → first answered ListTables.
# Two configurations of that client per operation, one after the other against the same server
# (column "client"; CLIENTS="default,lean" by default, CLIENTS=default for the earlier runs' table):
#   default = as in the earlier runs: url-connection HTTP client, no retries, static credentials,
#             the SDK's endpoint rules engine on every call;
#   lean    = fixed EndpointProvider, Apache 5 HTTP client (pooled, no Expect: 100-continue;
#             LEAN_HTTP=urlconnection for the JDK one), no retries, static credentials. Signing,
#             CRC32 checking and (un)marshalling stay on in both.
# The last column is the client JVM's own CPU per operation: on 2 cores the client shares the CPUs
# with the server, so the ratio of throughputs is bounded by (client + dynalite) / (client + Slipway).
# Each row also gives the server's CPU time per operation (from /proc/PID/stat): on a 2-core machine
# the client shares the CPUs with the server, so ops/s is capped by the client; CPU µs/op is the
# server's own cost.
#
# Usage: benchmarks/ddb-vs-dynalite.sh [slipway|dynalite|both]   (SEC=3: seconds measured per operation)
#   MODES="memory persistent" (default both)
#   PARTS="load startup memory" (default all three): load = the table above; startup = DynamoDbFootprint
#   startup-embedded / startup-standalone (fresh JVM each, RUNS=3 times) and dynalite's start (same poll);
#   memory = 1,000,000 small items in the embedded engine, heap after GC vs DynamoDB item size
#   SLIPWAY_PORT=8123, DYNALITE_PORT=4567: ports of the load runs
#   CP=... overrides the class path (default benchmarks/target/benchmarks.jar); SLIPWAY_CP for the server only
#   SLIPWAY_JAVA_OPTS: JVM options of the standalone Slipway server (default: those of `slipway dynamodb`,
#   -XX:+UseSerialGC -Xss1m); OPS="PutItem,GetItem" measures only those operations; WARMUP=2 (seconds
#   before each operation); WARMUP_ALL=30 (seconds of mixed load first, so that a JVM server has
#   compiled its hot path: a fresh one spends ~40 s of a 2-core machine compiling; 0 = fresh server)
# Needs benchmarks/target/benchmarks.jar and dynalite in a scratch folder (never a dependency):
#   (mkdir -p /tmp/dynalite && cd /tmp/dynalite && npm install dynalite)
# dynalite runs with --createTableMs 0 (as Slipway, tables are ACTIVE at once; the harness does not
# wait for ACTIVE). Bounded: each load run is killed after 20×SEC+120+2×WARMUP_ALL s; every process started here is
# stopped on exit (trap), loopback only.
set -u
cd "$(dirname "$0")/.."
DYNALITE=${DYNALITE:-/tmp/dynalite}
LOG=$(mktemp -d)
CP=${CP:-benchmarks/target/benchmarks.jar}
SLIPWAY_CP=${SLIPWAY_CP:-$CP}
SEC=${SEC:-3}
read -r -a JOPTS <<< "${SLIPWAY_JAVA_OPTS--XX:+UseSerialGC -Xss1m}"
MODES=${MODES:-memory persistent}
PARTS=${PARTS:-load startup memory}
RUNS=${RUNS:-3}
SPORT=${SLIPWAY_PORT:-8123}   # ports of the load runs (another run on the machine must use others)
DPORT=${DYNALITE_PORT:-4567}
which=${1:-both}
P=
cleanup() { [[ -n $P ]] && kill "$P" 2>/dev/null && wait "$P" 2>/dev/null; rm -rf "$LOG"; }
trap cleanup EXIT INT TERM
now_ms() { date +%s%3N; }
lt() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 -X POST -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Content-Type: application/x-amz-json-1.0' -d '{}' "$1/"; }
wait_up() { # url label t0
  local i=0
  until [[ $(lt "$1") =~ ^[1-5] ]]; do sleep 0.02; i=$((i+1)); if (( i > 1500 )); then echo "$2 did not start" >&2; exit 1; fi; done
  kill -0 "$P" 2>/dev/null || { echo "$2 exited (port in use by another process?)" >&2; exit 1; }
  echo "$2: start → first ListTables answered: $(( $(now_ms)-$3 )) ms (curl poll every 20 ms)"
}
load() { # label url
  SERVER_PID=$P timeout $(( SEC*20 + 120 + ${WARMUP_ALL:-30}*2 )) java -cp "$CP" dev.slipway.benchmarks.dynamodb.DynamoDbLoad "$1" "$2" "$SEC"
}
stop() { kill "$P" 2>/dev/null; wait "$P" 2>/dev/null; P=; }
if [[ $PARTS == *load* ]]; then
for mode in $MODES; do
  if [[ $which == both || $which == slipway ]]; then
    args=(--port "$SPORT"); [[ $mode == persistent ]] && args+=(--data-dir "$LOG/slipway-data")
    t0=$(now_ms); java ${JOPTS[@]+"${JOPTS[@]}"} -cp "$SLIPWAY_CP" dev.slipway.dynamodb.DynamoDbServer "${args[@]}" > "$LOG/slipway.log" 2>&1 & P=$!
    wait_up "http://127.0.0.1:$SPORT" "Slipway standalone ($mode)" "$t0"
    load "Slipway $mode" "http://127.0.0.1:$SPORT"
    stop
  fi
  if [[ $which == both || $which == dynalite ]]; then
    args=(--port "$DPORT" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0); [[ $mode == persistent ]] && args+=(--path "$LOG/dynalite-data")
    t0=$(now_ms); node "$DYNALITE"/node_modules/.bin/dynalite "${args[@]}" > "$LOG/dynalite.log" 2>&1 & P=$!
    wait_up "http://127.0.0.1:$DPORT" "dynalite ($mode)" "$t0"
    load "dynalite $mode" "http://127.0.0.1:$DPORT"
    stop
  fi
done
fi
if [[ $PARTS == *startup* ]]; then
  for i in $(seq "$RUNS"); do
    if [[ $which == both || $which == slipway ]]; then
      timeout 60 java -cp "$CP" dev.slipway.benchmarks.dynamodb.DynamoDbFootprint startup-embedded
      timeout 60 java -cp "$CP" dev.slipway.benchmarks.dynamodb.DynamoDbFootprint startup-standalone
    fi
    if [[ $which == both || $which == dynalite ]]; then
      t0=$(now_ms); node "$DYNALITE"/node_modules/.bin/dynalite --port 4567 > "$LOG/dynalite.log" 2>&1 & P=$!
      wait_up http://127.0.0.1:4567 "dynalite (node, in memory)" "$t0"
      stop
    fi
  done
fi
if [[ $PARTS == *memory* && $which != dynalite ]]; then
  timeout 300 java -Xmx3g -cp "$CP" dev.slipway.benchmarks.dynamodb.DynamoDbFootprint memory 1000000
fi
