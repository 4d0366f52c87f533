#!/usr/bin/env bash
# CLI-side CPU of uploading the 11 MB peer-rewards jar to the local cloud (issue 5): the SDK's signed
# payload over http:// (SHA-256 of every chunk; what `slipway deploy` did before) vs the local
# target's unsigned payload (Target.local(...).s3()), 6 alternating puts each, in a C1-only JVM as the
# CLI runs. Thread CPU time moves little with machine load. Loopback only; the cloud it starts is
# stopped by PID. ~20 s. Usage: benchmarks/deploy-upload-cpu.sh [PORT=4613]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-4613}
export SLIPWAY_SKIP_STALE_CHECK=1
./slipway cloud --port "$PORT" >/tmp/deploy-upload-cloud.log 2>&1 &
CLOUD=$!
trap 'kill $CLOUD 2>/dev/null || true; wait $CLOUD 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/_slipway/health"; do kill -0 $CLOUD; sleep 0.1; done
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "cli/target/lib/*" benchmarks/deploy-upload/Upload.java \
  "http://127.0.0.1:$PORT" examples/peer-rewards/target/peer-rewards.jar 2>&1 | grep -v SLF4J
