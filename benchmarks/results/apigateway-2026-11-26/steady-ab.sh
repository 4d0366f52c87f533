#!/bin/bash
# Steady state (after the JIT has settled): `slipway offline` from /tmp/agA (A) or /tmp/agB (B, see
# offline-ab.sh) on the trivial service, WARM seconds of wrk (default 25), then 10 s of wrk measured:
# req/s and the user/system CPU per request of the offline JVM and of its workers (from /proc).
# Usage: steady-ab.sh A|B. Loopback only; stops what it starts; waits until port 3300 is free.
D=$([ "$1" = A ] && echo /tmp/agA || echo /tmp/agB)
while ss -ltn | grep -qE ":3300 "; do sleep 1; done
echo "=== $1 $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
LOG=$(mktemp -d)
cd $D
SLIPWAY_SKIP_STALE_CHECK=1 ./slipway offline --dir /tmp/hello-svc --port 3300 > $LOG/offline.log 2>&1 &
P=$!
trap 'kill $P 2>/dev/null' EXIT
until curl -s -o /dev/null http://127.0.0.1:3300/; do kill -0 $P || exit 1; sleep 0.1; done
wrk -t2 -c8 -d${WARM:-25}s http://127.0.0.1:3300/dev/hello > /dev/null
st() { awk '{print $14, $15}' /proc/$1/stat; }
kids() { local u=0 s=0 a b c; for c in $(pgrep -P $P); do read a b < <(st $c); u=$((u+a)); s=$((s+b)); done; echo $u $s; }
read u0 s0 < <(st $P); read ku0 ks0 < <(kids)
wrk -t2 -c8 -d10s --latency http://127.0.0.1:3300/dev/hello > $LOG/wrk.txt
read u1 s1 < <(st $P); read ku1 ks1 < <(kids)
n=$(awk '/requests in/ {print $1}' $LOG/wrk.txt); hz=$(getconf CLK_TCK)
grep -E "Requests/sec| 50%| 99%" $LOG/wrk.txt
python3 -c "n=$n;hz=$hz;f=lambda t:t/hz/n*1e6;print(f'offline JVM user {f($u1-$u0):.0f} sys {f($s1-$s0):.0f} µs/req; workers user {f($ku1-$ku0):.0f} sys {f($ks1-$ks0):.0f} µs/req ({n} req)')"
echo "not 200 in the log: $(grep -E '→ .* [0-9]{3} ' $LOG/offline.log | grep -vc ' 200 ')"
kill $P; wait $P 2>/dev/null
