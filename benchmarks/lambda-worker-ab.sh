#!/usr/bin/env bash
# A/B of worker JVM options under LambdaBench warm (EchoHandler), interleaved rounds.
# Prints, per variant and round: sequential p50, raw-client throughput (1 and 2 workers), and the
# worker JVMs' CPU per invocation measured during the wrk runs.
# Usage: benchmarks/lambda-worker-ab.sh [rounds] ["label=worker JVM options[;bench JVM -D options]" ...]
#   e.g. benchmarks/lambda-worker-ab.sh 2 "base=" "noperf=-XX:-UsePerfData" "c2=-XX:TieredStopAtLevel=4"
#        benchmarks/lambda-worker-ab.sh 2 "java21=" "java25pc=;-Dbench.provisioned=true"   (C1 vs C2 workers)
# Needs benchmarks/target/benchmarks.jar (mvn -B -q -o -pl benchmarks package -DskipTests) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}; shift || true
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=("base=" "noperf=-XX:-UsePerfData")
jar=$(mktemp /tmp/slipway-worker-ab-XXXXXX.jar)
cp benchmarks/target/benchmarks.jar "$jar"   # a rebuild during the run must not change the code measured
trap 'rm -f "$jar"' EXIT
seconds=${BENCH_SECONDS:-3}
for round in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    label=${v%%=*}; opts=${v#*=}; props=()
    if [[ $opts == *";"* ]]; then read -r -a props <<< "${opts#*;}"; opts=${opts%%;*}; fi
    out=$(timeout 300 java -Dbench.seconds="$seconds" -Dbench.handler=Echo "-Dslipway.lambda.workerJvmOptions=$opts" "${props[@]}" \
        -cp "$jar" dev.slipway.benchmarks.lambda.LambdaBench warm 2>&1) || { echo "$label round $round failed"; echo "$out" | tail -5; continue; }
    p50=$(echo "$out" | grep -m1 "sequential, raw" | sed -E 's/.*p50 ([^,]+),.*/\1/')
    tp=$(echo "$out" | grep "raw-client threads" | sed -E 's/.*: ([0-9,]+) invocations.*/\1/' | paste -sd/)
    wcpu=$(echo "$out" | grep "CPU per invocation: server" | sed -E 's/.*worker JVMs ([0-9.]+) µs.*/\1/' | paste -sd/)
    scpu=$(echo "$out" | grep "CPU per invocation: server" | sed -E 's/.*server JVM ([0-9.]+) µs.*/\1/' | paste -sd/)
    load=$(echo "$out" | grep -m1 "load average" | sed -E 's/.*load average ([0-9.]+).*/\1/')
    printf '%-8s r%s load %-5s seq p50 %-9s tput 1w/2w %-13s worker CPU/call 1w/2w %-12s µs server CPU/call %s µs\n' \
        "$label" "$round" "$load" "$p50" "$tp" "$wcpu" "$scpu"
  done
done
