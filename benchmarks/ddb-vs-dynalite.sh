#!/usr/bin/env bash
# DynamoDB: Slipway standalone (in memory) vs dynalite (in memory), same client (DynamoDbLoad: SDK v2,
# 8 threads), one server after the other; also start → first answered ListTables for each.
# Usage: benchmarks/ddb-vs-dynalite.sh [slipway|dynalite|both]   (SEC=3: seconds measured per operation)
# Needs benchmarks/target/benchmarks.jar and dynalite: (mkdir -p /tmp/dynalite && cd /tmp/dynalite && npm install dynalite)
# dynalite runs with --createTableMs 0 (as Slipway, tables are ACTIVE at once; its default 500 ms
# CREATING phase would fail the harness, which does not wait for ACTIVE).
set -u
cd "$(dirname "$0")/.."
DYNALITE=${DYNALITE:-/tmp/dynalite}
LOG=$(mktemp -d)
CP=benchmarks/target/benchmarks.jar
now_ms() { date +%s%3N; }
lt() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 -X POST -H 'X-Amz-Target: DynamoDB_20120810.ListTables' -H 'Content-Type: application/x-amz-json-1.0' -d '{}' "$1/"; }
SEC=${SEC:-3}
which=${1:-both}
if [[ $which == both || $which == slipway ]]; then
t0=$(now_ms); java -cp $CP dev.slipway.dynamodb.DynamoDbServer --port 8123 > "$LOG/slipway.log" 2>&1 & P=$!
until [[ $(lt http://127.0.0.1:8123) =~ ^[1-5] ]]; do sleep 0.02; done; echo "Slipway standalone (java -cp benchmarks.jar DynamoDbServer): start → first ListTables answered: $(( $(now_ms)-t0 )) ms (curl poll every 20 ms)"
java -cp $CP dev.slipway.benchmarks.dynamodb.DynamoDbLoad "Slipway in-memory" http://127.0.0.1:8123 $SEC
kill $P; wait $P 2>/dev/null
fi
if [[ $which == both || $which == dynalite ]]; then
t0=$(now_ms); node "$DYNALITE"/node_modules/.bin/dynalite --port 4567 --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 > "$LOG/dynalite.log" 2>&1 & P=$!
until [[ $(lt http://127.0.0.1:4567) =~ ^[1-5] ]]; do sleep 0.02; done; echo "dynalite (node): start → first ListTables answered: $(( $(now_ms)-t0 )) ms"
java -cp $CP dev.slipway.benchmarks.dynamodb.DynamoDbLoad "dynalite in-memory" http://127.0.0.1:4567 $SEC
kill $P; wait $P 2>/dev/null
fi
