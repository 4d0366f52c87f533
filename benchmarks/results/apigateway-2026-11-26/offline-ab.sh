#!/bin/bash
# One offline-load run of A (/tmp/agA: the CLI build with the apigateway jar of the commit this work
# started from) or B (/tmp/agB: the same build with this work's apigateway jar). Both directories hold
# only the launcher, cli/target/{slipway.jar,lib} and benchmarks/{offline-load.sh,target/benchmarks.jar}.
# Usage: offline-ab.sh A|B   (DUR=seconds per wrk pass, default 5). Waits until ports 3300/3400 are free.
r=$1; d=$([ "$r" = A ] && echo /tmp/agA || echo /tmp/agB)
while ss -ltn | grep -qE ":(3300|3400) "; do sleep 1; done
echo "=== $r $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
cd $d && OFFLINE_DIR=/tmp/hello-svc OFFLINE_PATH=/dev/hello SLIPWAY_SKIP_STALE_CHECK=1 timeout 200 benchmarks/offline-load.sh ${DUR:-5} 8 2>&1 \
  | grep -E "CPU per|Requests/sec|50%|99%|==|logged|Non-2xx|Socket"
sleep 1; while ss -ltn | grep -qE ":(3300|3400) "; do sleep 1; done
