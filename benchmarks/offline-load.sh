#!/usr/bin/env bash
# Load harness for issue 6: `slipway offline` on the reference app, measured with wrk on loopback,
# side by side with a minimal Netty "hello" server (the floor of one loopback HTTP exchange).
# Usage: benchmarks/offline-load.sh [DURATION_SECONDS=10] [CONNECTIONS=8]
# Another service: OFFLINE_DIR=/tmp/hello-svc OFFLINE_PATH=/dev/hello benchmarks/offline-load.sh
# (benchmarks/trivial-service.sh writes such a service: one function that answers a fixed 200).
# Needs: wrk (apt-get install wrk), a built Slipway (./slipway --version) and benchmarks jar
# (mvn -pl benchmarks -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-8}
PORT=3300
HELLO_PORT=3400
OFFLINE_DIR=${OFFLINE_DIR:-examples/peer-rewards}
OFFLINE_PATH=${OFFLINE_PATH:-/dev/users}
LOG=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cleanup() { [[ -n "${OFFLINE_PID:-}" ]] && kill "$OFFLINE_PID" 2>/dev/null || true
            [[ -n "${HELLO_PID:-}" ]] && kill "$HELLO_PID" 2>/dev/null || true; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# CPU time (clock ticks) of a process, and of its child processes (the Lambda workers)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
children_ticks() { local t=0 c; for c in $(pgrep -P "$1"); do t=$(( t + $(cpu_ticks "$c") )); done; echo $t; }
# of which the JIT compiler threads: while they still work, the rest of the server runs slower code too
jit_ticks() { local t=0 d; for d in /proc/"$1"/task/*; do grep -q CompilerThre "$d/comm" 2>/dev/null \
              && t=$(( t + $(awk '{print $14 + $15}' "$d/stat" 2>/dev/null || echo 0) )); done; echo $t; }

echo "== slipway offline ($OFFLINE_DIR, artifact already built; logs in $LOG)"
start=$(now_ms)
./slipway offline --dir "$OFFLINE_DIR" --port $PORT >"$LOG/offline.log" 2>&1 &
OFFLINE_PID=$!
# "site answering": / answers 200 (the site); a service without a site: / answers at all
SITE_CHECK=(-sf); [[ "$OFFLINE_DIR" != examples/peer-rewards ]] && SITE_CHECK=(-s)
until curl "${SITE_CHECK[@]}" -o /dev/null "http://127.0.0.1:$PORT/"; do
  kill -0 $OFFLINE_PID 2>/dev/null || { cat "$LOG/offline.log"; exit 1; }
  sleep 0.05
done
site_ready=$(( $(now_ms) - start ))
t0=$(now_ms); curl -sf -o /dev/null "http://127.0.0.1:$PORT$OFFLINE_PATH"; cold=$(( $(now_ms) - t0 ))
t0=$(now_ms); curl -sf -o /dev/null "http://127.0.0.1:$PORT$OFFLINE_PATH"; warm=$(( $(now_ms) - t0 ))
echo "start → site answering: ${site_ready} ms; first API request (cold worker): ${cold} ms; second (warm): ${warm} ms"

# Pass 1 starts with one warm worker: the function scales out to one worker per connection, so
# it includes those cold starts (each shows as "(cold)" in $LOG/offline.log). Pass 2: all warm.
echo "== wrk pass 1: GET $OFFLINE_PATH through API Gateway → Java function (includes the scale-out cold starts)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$OFFLINE_PATH" | tee "$LOG/wrk-offline-1.txt"
echo "== wrk pass 2: the same, every worker warm"
server0=$(cpu_ticks $OFFLINE_PID); workers0=$(children_ticks $OFFLINE_PID); jit0=$(jit_ticks $OFFLINE_PID)
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$OFFLINE_PATH" | tee "$LOG/wrk-offline.txt"
server1=$(cpu_ticks $OFFLINE_PID); workers1=$(children_ticks $OFFLINE_PID); jit1=$(jit_ticks $OFFLINE_PID)
n=$(awk '/requests in/ {print $1}' "$LOG/wrk-offline.txt")
hz=$(getconf CLK_TCK)
# CPU per request hardly depends on what else runs on the machine, unlike the rate
python3 -c "print(f'CPU per request (pass 2): offline JVM {($server1-$server0)/$hz/$n*1e6:.0f} µs (JIT compiler threads {($jit1-$jit0)/$hz/$n*1e6:.0f} µs of it), worker JVMs {($workers1-$workers0)/$hz/$n*1e6:.0f} µs ({$n} requests)')"
echo "requests logged by offline: $(grep -c '(warm)' "$LOG/offline.log") warm, $(grep -c '(cold)' "$LOG/offline.log") cold, $(grep -E '→ .* [0-9]{3} ' "$LOG/offline.log" | grep -vc ' 200 ') not 200"

echo "== wrk: minimal Netty hello server (floor)"
java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.slipway.benchmarks.http.HelloServer $HELLO_PORT >"$LOG/hello.log" 2>&1 &
HELLO_PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$HELLO_PORT/"; do sleep 0.05; done
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$HELLO_PORT/" | tee "$LOG/wrk-hello.txt"

a=$(awk '/Requests\/sec/ {print $2}' "$LOG/wrk-offline.txt"); b=$(awk '/Requests\/sec/ {print $2}' "$LOG/wrk-hello.txt")
echo "== offline (pass 2) / hello throughput: $a / $b = $(python3 -c "print(f'{$a/$b*100:.1f} %')")"
