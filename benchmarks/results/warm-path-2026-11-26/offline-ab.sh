#!/bin/bash
# one offline-load run for A (baseline worktree) or B (new jars); waits until the ports are free
r=$1; d=$([ $r = A ] && echo /tmp/wp-base || echo /tmp/wp-new)
while ss -ltn | grep -qE ":(3300|3400) "; do sleep 1; done
echo "=== $r $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
cd $d && OFFLINE_DIR=/tmp/hello-svc OFFLINE_PATH=/dev/hello SLIPWAY_SKIP_STALE_CHECK=1 timeout 200 benchmarks/offline-load-cpu.sh ${DUR:-5} 8 2>&1 | grep -E "CPU per|start →|Requests/sec|50%|99%|==|logged|Non-2xx|Socket"
# the launcher's java may still be shutting down (writing its CDS archive): wait for it
sleep 1; while ss -ltn | grep -qE ":(3300|3400) "; do sleep 1; done
